package io.jcors.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafelistsTest {
  SafelistsTest() {}

  @Nested
  class Methods {
    Methods() {}

    @ParameterizedTest
    @CsvSource({
      "get,GET",
      "Delete,DELETE",
      "put,PUT",
      "options,OPTIONS",
      "head,HEAD",
      "post,POST",
      "patch,patch",
      "Patch,Patch",
      "PATCH,PATCH",
      "custom,custom"
    })
    void normalizeMethod_upperCasesOnlyTheSixStandardMethods(String given, String sent) {
      assertThat(Safelists.normalizeMethod(given)).isEqualTo(sent);
    }

    @Test
    void safelistedMethods_areGetHeadPostExactly() {
      assertThat(Safelists.isSafelistedMethod("GET")).isTrue();
      assertThat(Safelists.isSafelistedMethod("POST")).isTrue();
      assertThat(Safelists.isSafelistedMethod("HEAD")).isTrue();
      assertThat(Safelists.isSafelistedMethod("PUT")).isFalse();
      assertThat(Safelists.isSafelistedMethod("get")).isFalse(); // normalized before the test
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONNECT", "trace", "Track"})
    void forbiddenMethods_anyCase(String method) {
      assertThat(Safelists.isForbiddenMethod(method)).isTrue();
    }
  }

  @Nested
  class RequestHeaders {
    RequestHeaders() {}

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "Accept|*/*",
          "Accept|text/html, application/json;q=0.9",
          "Accept-Language|en-US, de;q=0.5",
          "Content-Language|*",
          "Content-Type|text/plain",
          "Content-Type|text/plain;charset=utf-8",
          "Content-Type|Text/Plain",
          "Content-Type|application/x-www-form-urlencoded",
          "Content-Type|multipart/form-data; boundary=abc",
          "Content-Type|text/plain ; x=y",
          "Range|bytes=0-",
          "Range|bytes=0-499",
          "Range|bytes=5-5",
          "Range|bytes=0-9223372036854775806",
          "Save-Data|on",
          "DPR|2.5",
          "Width|640",
        })
    void safelisted(String name, String value) {
      assertThat(Safelists.unsafeReason(Browser.CHROMIUM, name, value)).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "Content-Type|application/json|`application/json` is not application/x-www-form-urlencoded",
          "Content-Type|text/html|`text/html` is not",
          "Content-Type|text /plain|is not a valid MIME type",
          "Content-Type|text/plain; charset=\"utf-8\"|contains `\"`, a CORS-unsafe byte",
          "Content-Type|text|is not a valid MIME type",
          "Accept|text/html(|contains `(`, a CORS-unsafe byte",
          "Accept-Language|@|contains `@`; only letters",
          "Accept-Language|en_US|contains `_`",
          "Range|bytes=-500|is not a single range",
          "Range|bytes=0-1,3-4|is not a single range",
          "Range|bytes=5-1|is not a single range",
          "Range|Bytes=0-|is not a single range",
          "Range|bytes=0-99999999999999999999|is not a single range",
          "Range|bytes=0-9223372036854775807|is not a single range",
          "Range|bytes= 0-|is not a single range",
          "X-Test|1|only Accept, Accept-Language, Content-Language, Content-Type and Range",
          "Authorization|Bearer x|only Accept",
          "Save-Data|off|Chrome safelists only `Save-Data: on`",
          "Width|10.5|only with an integer value",
        })
    void notSafelisted(String name, String value, String reason) {
      assertThat(Safelists.unsafeReason(Browser.CHROMIUM, name, value)).contains(reason);
    }

    @Test
    void valueOf128Bytes_isSafelisted_129Bytes_isNot() {
      assertThat(Safelists.unsafeReason(Browser.CHROMIUM, "Accept", "a".repeat(128))).isNull();
      assertThat(Safelists.unsafeReason(Browser.CHROMIUM, "Accept", "a".repeat(129)))
          .isEqualTo("its value is 129 bytes long; a safelisted value has at most 128 bytes");
    }

    @Test
    void safelistedValuesAbove1024Bytes_makeEveryOneUnsafe() {
      List<Header> headers = new java.util.ArrayList<>();
      for (String name :
          List.of("Accept", "Accept-Language", "Content-Language", "Content-Type", "DPR")) {
        headers.add(new Header(name, name.equals("Content-Type") ? "text/plain" : "1"));
      }
      assertThat(Safelists.unsafeHeaders(Browser.CHROMIUM, headers)).isEmpty();
      // Fetch's 1024-byte rule (F28). With distinct names it cannot be reached (five standard
      // names of at most 128 bytes; Chromium's client hints add 5 more but 64-bit ranges keep
      // the total under 1024), so the algorithm is shown with repeated entries.
      List<Header> big = new java.util.ArrayList<>();
      for (int i = 0; i < 9; i++) {
        big.add(new Header(i % 2 == 0 ? "Accept" : "Accept-Language", "1".repeat(114)));
      }
      List<Safelists.UnsafeHeader> unsafe = Safelists.unsafeHeaders(Browser.CHROMIUM, big);
      assertThat(unsafe).hasSize(9);
      assertThat(unsafe.get(0).reason())
          .isEqualTo(
              "the safelisted header values add up to 1026 bytes; above 1024 bytes none of them"
                  + " is safelisted");
      assertThat(Safelists.sortedLowercase(unsafe)).containsExactly("accept", "accept-language");
    }

    @Test
    void sortedLowercase_lowerCasesSortsAndRemovesDuplicates() {
      List<Safelists.UnsafeHeader> unsafe =
          Safelists.unsafeHeaders(
              Browser.CHROMIUM,
              List.of(new Header("X-B", "1"), new Header("x-a", "2"), new Header("X-A", "3")));
      assertThat(Safelists.sortedLowercase(unsafe)).containsExactly("x-a", "x-b");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"Cookie", "host", "Origin", "Sec-Fetch-Mode", "Proxy-Authorization", "Referer"})
    void forbiddenRequestHeaders(String name) {
      assertThat(Safelists.isForbiddenRequestHeader(Browser.CHROMIUM, name, "x")).isTrue();
    }

    @Test
    void methodOverrideHeaders_areForbiddenOnlyWithAForbiddenMethod() {
      assertThat(
              Safelists.isForbiddenRequestHeader(Browser.CHROMIUM, "X-HTTP-Method-Override", "PUT"))
          .isFalse();
      assertThat(
              Safelists.isForbiddenRequestHeader(
                  Browser.CHROMIUM, "X-HTTP-Method-Override", "GET, trace"))
          .isTrue();
    }
  }

  @Test
  void mimeEssence_followsWhatwgMimeParsing() {
    assertThat(Safelists.mimeEssence(" Text/Plain ;charset=x")).isEqualTo("text/plain");
    assertThat(Safelists.mimeEssence("text/plain ")).isEqualTo("text/plain");
    assertThat(Safelists.mimeEssence("/plain")).isNull();
    assertThat(Safelists.mimeEssence("text/")).isNull();
    assertThat(Safelists.mimeEssence("te xt/plain")).isNull();
  }
}
