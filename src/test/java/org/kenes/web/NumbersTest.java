package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  @DisplayName("numbers read with two decimals at most, in the language's way")
  void twoDecimals() {
    assertEquals("6.5", Views.number(6.5, "en"));
    assertEquals("6,5", Views.number(6.5, "ru"));
    assertEquals("0.54", Views.number(0.5396568759543698, "en"));
    assertEquals("0", Views.number(0.0, "en"));
    assertEquals("–", Views.number(null, "en"));
  }

  @Test
  @DisplayName("a number that is not zero never reads as zero: Kendall's W of 0.0024 reads 0.002")
  void distinctFromZero() {
    assertEquals("0.002", Views.number(0.0024, "en"));
    assertEquals("0,002", Views.number(0.0024, "ru"));
    assertEquals("0.01", Views.number(0.0096, "en"));
    assertEquals("0.00001", Views.number(0.0000123, "en"));
    assertEquals("-0.005", Views.number(-0.005, "en"));
  }
}
