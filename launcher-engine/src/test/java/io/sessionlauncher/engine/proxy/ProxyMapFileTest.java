package io.sessionlauncher.engine.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.ProxyFileAccess;
import io.sessionlauncher.model.SessionId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy mapping file: exact lines, whole-file atomic replacement, permissions kept. */
class ProxyMapFileTest {
  @TempDir Path dir;

  private static SessionId id(int n) {
    return new SessionId(new UUID(0x1234L, n));
  }

  private static Map<SessionId, HostPort> sessions(int count) {
    Map<SessionId, HostPort> sessions = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      sessions.put(id(i), new HostPort("host-" + (i % 3), 9001 + i));
    }
    return sessions;
  }

  private List<String> folderContent(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void writesExactlyOneLinePerSessionInOrder() throws IOException {
    Path file = dir.resolve("proxy-mapping.txt");
    ProxyMapFile proxy = new ProxyMapFile(file);
    SessionId a = SessionId.random();
    SessionId b = SessionId.random();
    Map<SessionId, HostPort> sessions = new LinkedHashMap<>();
    sessions.put(a, new HostPort("127.0.0.1", 9001));
    sessions.put(b, new HostPort("node7.example", 9002));

    proxy.write(sessions);

    String expected = a + " 127.0.0.1:9001\n" + b + " node7.example:9002\n";
    assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(expected, proxy.read());
    assertEquals(file.toAbsolutePath(), proxy.path());
  }

  @Test
  void noSessionsIsAnEmptyFile() throws IOException {
    Path file = dir.resolve("proxy-mapping.txt");
    Files.writeString(file, "stale-id 127.0.0.1:1\n");

    new ProxyMapFile(file).write(Map.of());

    assertTrue(Files.exists(file));
    assertEquals("", Files.readString(file));
  }

  @Test
  void eachWriteReplacesTheWholeFileByRenaming() throws IOException {
    Path file = dir.resolve("proxy-mapping.txt");
    ProxyMapFile proxy = new ProxyMapFile(file);
    proxy.write(sessions(3));
    Object before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

    proxy.write(sessions(1));

    Object after = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    assertNotEquals(before, after, "the file was rewritten in place, not replaced");
    assertEquals(id(0) + " host-0:9001\n", proxy.read());
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws IOException {
    Path folder = dir.resolve("proxy");
    ProxyMapFile proxy = new ProxyMapFile(folder.resolve("proxy-mapping.txt"));

    for (int i = 0; i < 20; i++) {
      proxy.write(sessions(i % 5));
    }

    assertEquals(List.of("proxy-mapping.txt"), folderContent(folder));
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void createsTheFoldersAndANewFileReadableByTheProxysGroupOnly() throws IOException {
    Path file = dir.resolve("a").resolve("b").resolve("proxy-mapping.txt");

    new ProxyMapFile(file).write(sessions(1));

    assertEquals("rw-r-----", permissions(file));
    assertEquals("rwxr-x---", permissions(file.getParent()));
    assertEquals("rwxr-x---", permissions(file.getParent().getParent()));
  }

  @Test
  void aConfiguredModeIsAppliedAtEveryWriteAndToTheFoldersCreated() throws IOException {
    Path file = dir.resolve("a").resolve("proxy-mapping.txt");
    ProxyMapFile proxy = new ProxyMapFile(file, new ProxyFileAccess("rw-r--r--", null));

    proxy.write(sessions(1));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    proxy.write(sessions(2));

    assertEquals("rw-r--r--", permissions(file));
    assertEquals("rwxr-xr-x", permissions(file.getParent()));
  }

  @Test
  void aConfiguredGroupIsGivenToTheFileAndTheFoldersCreated() throws IOException {
    Path probe = Files.writeString(dir.resolve("probe"), "");
    GroupPrincipal own =
        Files.getFileAttributeView(probe, PosixFileAttributeView.class).readAttributes().group();
    GroupPrincipal other = otherGroup(probe, own);
    assumeTrue(other != null, "no second group this user may give a file");
    Path file = dir.resolve("a").resolve("proxy-mapping.txt");

    new ProxyMapFile(file, new ProxyFileAccess(null, other.getName())).write(sessions(1));

    assertEquals(other, Files.readAttributes(file, PosixFileAttributes.class).group());
    assertEquals(other, Files.readAttributes(file.getParent(), PosixFileAttributes.class).group());
  }

  @Test
  void keepsThePermissionsOfTheExistingFile() throws IOException {
    Path file = dir.resolve("proxy-mapping.txt");
    Files.writeString(file, "");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
    ProxyMapFile proxy = new ProxyMapFile(file);

    proxy.write(sessions(2));
    proxy.write(sessions(1));

    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(id(0) + " host-0:9001\n", proxy.read());
  }

  @Test
  void keepsTheGroupOfTheExistingFile() throws IOException {
    Path file = dir.resolve("proxy-mapping.txt");
    Files.writeString(file, "");
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    GroupPrincipal own = view.readAttributes().group();
    GroupPrincipal other = otherGroup(file, own);
    assumeTrue(other != null, "no second group this user may give a file");
    view.setGroup(other);

    new ProxyMapFile(file).write(sessions(1));

    assertEquals(other, Files.readAttributes(file, PosixFileAttributes.class).group());
  }

  /** A group other than {@code own} that the file can be given, or null. */
  private static GroupPrincipal otherGroup(Path file, GroupPrincipal own) {
    for (String name : List.of("daemon", "adm", "users", "nogroup", "staff", "sys")) {
      try {
        GroupPrincipal group =
            file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(name);
        if (!group.equals(own)) {
          PosixFileAttributeView probe =
              Files.getFileAttributeView(file, PosixFileAttributeView.class);
          probe.setGroup(group);
          probe.setGroup(own);
          return group;
        }
      } catch (IOException e) {
        // Not a group here, or not one of ours: try the next.
      }
    }
    return null;
  }

  @Test
  void aReaderNeverSeesHalfAFile() throws Exception {
    Path file = dir.resolve("proxy-mapping.txt");
    ProxyMapFile proxy = new ProxyMapFile(file);
    Map<SessionId, HostPort> many = sessions(400);
    Map<SessionId, HostPort> few = sessions(3);
    proxy.write(many);
    String manyText = proxy.read();
    proxy.write(few);
    String fewText = proxy.read();

    AtomicBoolean writing = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();
    Thread reader =
        new Thread(
            () -> {
              while (writing.get()) {
                try {
                  String seen = Files.readString(file, StandardCharsets.UTF_8);
                  if (!seen.equals(manyText) && !seen.equals(fewText)) {
                    torn.add(seen.length() + " characters");
                  }
                } catch (IOException e) {
                  torn.add("file missing: " + e);
                }
              }
            });
    reader.start();
    try {
      for (int i = 0; i < 300; i++) {
        proxy.write(i % 2 == 0 ? many : few);
      }
    } finally {
      writing.set(false);
      reader.join(TimeUnit.SECONDS.toMillis(10));
    }

    assertTrue(!reader.isAlive(), "reader did not finish");
    assertEquals(List.of(), List.copyOf(torn));
  }

  @Test
  void aFolderThatCannotBeCreatedIsReportedWithTheFileName() throws IOException {
    Path blocker = dir.resolve("not-a-folder");
    Files.writeString(blocker, "");
    Path file = blocker.resolve("proxy-mapping.txt");

    ProxyMapFile.ProxyFileException e =
        assertThrows(
            ProxyMapFile.ProxyFileException.class, () -> new ProxyMapFile(file).write(sessions(1)));

    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }
}
