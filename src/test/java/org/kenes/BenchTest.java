package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bench's command line; what it measures is run by hand ({@code scripts/kenes bench}), never by a test. */
class BenchTest {

  @Test
  @DisplayName("anything but --quick is refused with the usage and exit code 2, before anything is started")
  void badArguments() {
    for (String[] args : new String[][] {{"--fast"}, {"--quick", "--quick"}, {"quick"}}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = Bench.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(2, code, String.join(" ", args));
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: kenes bench [--quick]"));
      assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
  }
}
