package io.jcors.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderListsTest {
  HeaderListsTest() {}

  @Test
  void extract_absent_isNotPresent() {
    HeaderLists.Extracted list = HeaderLists.extract(List.of());
    assertThat(list.present()).isFalse();
    assertThat(list.failed()).isFalse();
  }

  @Test
  void extract_toleratesEmptyElementsAndWhitespaceAcrossLines() {
    HeaderLists.Extracted list = HeaderLists.extract(List.of(",y-lol,x-PriNT, ,,,Y-PRINT", "\tz "));
    assertThat(list.values()).containsExactly("y-lol", "x-PriNT", "Y-PRINT", "z");
    assertThat(list.containsIgnoreCase("x-print")).isTrue();
    assertThat(list.contains("x-print")).isFalse();
  }

  @Test
  void extract_elementThatIsNotAToken_failsTheWholeList() {
    HeaderLists.Extracted list = HeaderLists.extract(List.of("x-test, header name with space"));
    assertThat(list.failed()).isTrue();
    assertThat(list.invalidElement()).isEqualTo("header name with space");
  }

  @Test
  void isToken_acceptsStarAndRejectsSeparators() {
    assertThat(HeaderLists.isToken("*")).isTrue();
    assertThat(HeaderLists.isToken("X-Test")).isTrue();
    assertThat(HeaderLists.isToken("a b")).isFalse();
    assertThat(HeaderLists.isToken("a:b")).isFalse();
    assertThat(HeaderLists.isToken("")).isFalse();
  }
}
