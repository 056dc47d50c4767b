package io.sessionlauncher.engine.config;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON-P values as plain Java values, the form the model keeps request and plugin values in. */
public final class JsonValues {
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

  private JsonValues() {}

  /** String, Long (whole numbers), BigDecimal, Boolean, null, List or Map (in key order). */
  public static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> number((JsonNumber) value);
      case TRUE -> true;
      case FALSE -> false;
      case NULL -> null;
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        value.asJsonArray().forEach(item -> list.add(plain(item)));
        yield list;
      }
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        value.asJsonObject().forEach((key, item) -> map.put(key, plain(item)));
        yield map;
      }
    };
  }

  private static Object number(JsonNumber number) {
    BigDecimal exact = number.bigDecimalValue();
    boolean fitsLong = exact.compareTo(LONG_MAX) <= 0 && exact.compareTo(LONG_MIN) >= 0;
    return number.isIntegral() && fitsLong ? (Object) number.longValueExact() : exact;
  }
}
