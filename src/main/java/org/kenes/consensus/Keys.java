package org.kenes.consensus;

import java.util.Arrays;
import java.util.Locale;

/** The JSON spelling of the package's enums: the constant's name in lower case, dashes for underscores. */
final class Keys {
  private Keys() {
  }

  static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static <E extends Enum<E>> E find(E[] constants, String key) {
    return Arrays.stream(constants)
        .filter(constant -> of(constant).equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown key '" + key + "', expected one of "
            + Arrays.stream(constants).map(Keys::of).toList()));
  }
}
