package org.kenes.web;

import com.github.jknack.handlebars.ValueResolver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How templates read their models, which are JSON objects and arrays and nothing else: no reflection over Java
 * objects, which Handlebars would otherwise try for every name a context lacks (the questionnaire page asks some
 * ten thousand names).
 */
final class JsonValues implements ValueResolver {

  static final JsonValues INSTANCE = new JsonValues();

  private JsonValues() {}

  @Override
  public Object resolve(Object context, String name) {
    if (context instanceof JsonObject json) {
      return json.containsKey(name) ? json.getValue(name) : UNRESOLVED;
    }
    if (context instanceof JsonArray array) {
      if ("length".equals(name)) {
        return array.size();
      }
      try {
        int index = Integer.parseInt(name);
        return index >= 0 && index < array.size() ? array.getValue(index) : UNRESOLVED;
      } catch (NumberFormatException e) {
        return UNRESOLVED;
      }
    }
    if (context instanceof Map<?, ?> map) {
      return map.containsKey(name) ? map.get(name) : UNRESOLVED;
    }
    return UNRESOLVED;
  }

  @Override
  public Object resolve(Object context) {
    return context instanceof JsonObject || context instanceof JsonArray || context instanceof Map ? context : UNRESOLVED;
  }

  @Override
  public Set<Map.Entry<String, Object>> propertySet(Object context) {
    Map<String, Object> properties = new LinkedHashMap<>();
    if (context instanceof JsonObject json) {
      json.fieldNames().forEach(name -> properties.put(name, json.getValue(name)));
    } else if (context instanceof Map<?, ?> map) {
      map.forEach((name, value) -> properties.put(String.valueOf(name), value));
    }
    return properties.entrySet();
  }
}
