package io.jcors.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The code the tutorial shows for each fix is the code the fix runs. */
class TutorialTest {
  private static final String PAGE = "http://localhost:5500";

  TutorialTest() {}

  @Test
  void shownJavaFixes_areTheOptionsTheFixesBuild() throws Exception {
    String source =
        Files.readString(Path.of("src/main/java/io/jcors/demo/Tutorial.java"))
            .replace("DemoApi.TOKEN_HEADER", "\"" + DemoApi.TOKEN_HEADER + "\"");
    List<Map<String, Object>> steps = new Tutorial(PAGE).steps();

    assertThat(fixExpression(steps.get(0)))
        .isEqualTo("CorsOptions.builder().origin(pageOrigin).build()")
        .satisfies(code -> assertThat(compact(source)).contains("return" + code + ";"));
    assertThat(fixExpression(steps.get(1)))
        .isEqualTo(
            "CorsOptions.builder().origin(pageOrigin).methods(\"GET\",\"PUT\")"
                + ".allowedHeaders(\"Content-Type\",\"X-Demo-Token\").build()")
        .satisfies(code -> assertThat(compact(source)).contains("return" + code + ";"));
  }

  @Test
  void fixAndReset_swapTheRoutesPolicy() {
    Tutorial tutorial = new Tutorial(PAGE);

    tutorial.fix(2);

    assertThat(tutorial.fixed(1)).isFalse();
    assertThat(tutorial.fixed(2)).isTrue();
    tutorial.reset(2);
    assertThat(tutorial.fixed(2)).isFalse();
  }

  /** The options expression of a step's Java "after", with the page origin as the parameter. */
  @SuppressWarnings("unchecked")
  private static String fixExpression(Map<String, Object> step) {
    String after = ((Map<String, String>) step.get("java")).get("after");
    String code = compact(after).replace("\"" + PAGE + "\"", "pageOrigin");
    // .route("<path>",<options>)
    return code.substring(code.indexOf(',') + 1, code.length() - 1);
  }

  private static String compact(String code) {
    return code.replaceAll("\\s+", "");
  }
}
