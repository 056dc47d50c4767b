package io.sessionlauncher.rest.upload;

import io.sessionlauncher.model.InvalidRequestException;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.rest.http.InternalRoutes;
import io.sessionlauncher.rest.http.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /upload} (reached through {@link InternalRoutes}) when {@code upload_dir} is set:
 * every file part of a {@code multipart/form-data} body is stored under its base name inside {@code
 * upload_dir}, all or nothing, the whole body limited to {@code max_upload_size}; a file of the
 * same name is 409 unless the request asks to replace it ({@code ?replace=true}). Plain form fields
 * are read past and not stored. Answers {@code {"files": [{"name": n, "size": s}, ...]}}.
 */
@ApplicationScoped
@Path(InternalRoutes.UPLOAD)
@Produces(Json.TYPE)
public class UploadResource {
  /** The query parameter asking that files of the same name be replaced ({@code ?replace=true}). */
  static final String REPLACE = "replace";

  private LauncherConfig config;
  private UploadQuota quota;

  /** For CDI's proxy. */
  protected UploadResource() {}

  @Inject
  public UploadResource(LauncherConfig config, UploadQuota quota) {
    this.config = config;
    this.quota = quota;
  }

  /** Stores the upload's files and lists them. */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response upload(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
      @QueryParam(REPLACE) boolean replace,
      InputStream body) {
    java.nio.file.Path folder = config.configuration().uploadDir();
    if (folder == null) {
      throw new NotFoundException("No resource at /" + InternalRoutes.PUBLIC_UPLOAD);
    }
    String boundary = boundary(type);
    long limit = config.configuration().http().maxUploadBytes();
    List<UploadBatch.Stored> stored;
    try (UploadQuota.Reservation room = quota.reserve(folder, limit);
        UploadBatch batch = UploadBatch.into(folder, replace)) {
      MultipartReader reader =
          new MultipartReader(
              new LimitedInputStream(body, room.bytes(), room.byQuota() ? quota.full() : null),
              boundary);
      for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
        var name = ContentDisposition.fileName(part.header("Content-Disposition"));
        if (name.isPresent()) {
          batch.add(UploadName.of(name.get()), part.content());
        }
      }
      if (batch.isEmpty()) {
        throw new InvalidRequestException("The upload holds no file");
      }
      stored = batch.commit();
    } catch (IOException e) {
      // Reading the request fails as InvalidRequestException; this is the disk: the server's fault.
      throw new UncheckedIOException("Cannot store an upload in " + folder, e);
    }
    List<Map<String, Object>> files =
        stored.stream()
            .map(
                file -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("name", file.name());
                  entry.put("size", file.size());
                  return entry;
                })
            .toList();
    return Json.response(Response.Status.OK, Map.of("files", files));
  }

  /** The boundary of a {@code multipart/form-data} type; 415 for any other type. */
  static String boundary(String type) {
    MediaType media;
    try {
      media = type == null ? null : MediaType.valueOf(type);
    } catch (IllegalArgumentException e) {
      media = null;
    }
    if (media == null
        || !media.getType().equalsIgnoreCase("multipart")
        || !media.getSubtype().equalsIgnoreCase("form-data")) {
      throw new NotSupportedException("Expected multipart/form-data, found " + type);
    }
    String boundary = media.getParameters().get("boundary");
    // RFC 2046: 1 to 70 characters; a line break in it could never match.
    if (boundary == null
        || boundary.isEmpty()
        || boundary.length() > 70
        || boundary.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
      throw new InvalidRequestException(
          "The multipart/form-data type has no usable boundary parameter");
    }
    return boundary;
  }
}
