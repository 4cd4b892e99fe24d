package org.kenes.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  @DisplayName("bidi overrides, embeddings, isolates and control characters go; Arabic, Hebrew and their marks stay")
  void bidiAndControls() {
    assertEquals("Report for Aliexe.pdf", Texts.clean("Report for Ali\u202Eexe.pdf"));
    assertEquals("a b c", Texts.clean("a\u202A \u202Bb\u202C \u2066\u2067c\u2068\u2069\u202D"));
    assertEquals("ab", Texts.clean("a\u0000\u0007\u001B\u007F\u0085b"));
    assertEquals("line one\nline two\ttab\r\n", Texts.clean("line one\nline two\ttab\r\n"));
    String arabic = "تحسين جودة الرعاية الصحية \u200F(2026)\u061C";
    assertEquals(arabic, Texts.clean(arabic));
    String hebrew = "שיפור איכות \u200Fהטיפול\u200E ABC";
    assertEquals(hebrew, Texts.clean(hebrew));
    assertEquals("Айгерим Ахметова", Texts.line("Айгерим\nАхметова"));
    assertEquals("Dana Smith", Texts.line("Dana\u2028Smith\u202E"));
  }
}
