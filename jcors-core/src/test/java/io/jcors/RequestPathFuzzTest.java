package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jcors.internal.FuzzInput;

/**
 * Fuzz test of {@link RequestPath#normalize} against the naive reference {@link NaiveRequestPath}:
 * the same answer for every input, never an exception, and every answer in normal form (it
 * normalises to itself apart from escapes, which are decoded once only). The corpus is in {@code
 * src/test/resources/io/jcors/RequestPathFuzzTestInputs/normalize/}; each input is one raw path.
 */
class RequestPathFuzzTest {
  RequestPathFuzzTest() {}

  @FuzzTest(maxDuration = "30s")
  void normalize(byte[] data) {
    String raw = FuzzInput.text(data);
    String normal = RequestPath.normalize(raw);
    assertThat(normal).as("normalize(\"%s\")", raw).isEqualTo(NaiveRequestPath.reference(raw));
    if (normal == null) {
      assertThat(RequestPath.whyRefused(raw)).isNotBlank();
      return;
    }
    assertThat(RequestPath.whyRefused(raw)).isNull();
    assertThat(normal).startsWith("/").doesNotContain("//");
    // Decoding once is not idempotent where a decoded byte means something when read again: %25
    // is a '%', and %3B a ';' that is part of its segment but would start a path parameter.
    if (normal.indexOf('%') < 0 && normal.indexOf('\\') < 0 && normal.indexOf(';') < 0) {
      assertThat(RequestPath.normalize(normal)).as("normal form of \"%s\"", raw).isEqualTo(normal);
    }
  }
}
