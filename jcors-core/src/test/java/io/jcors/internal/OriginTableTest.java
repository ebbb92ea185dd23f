package io.jcors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginTableTest {
  OriginTableTest() {}

  private static OriginTable tenants(int count) {
    OriginTable.Builder builder = new OriginTable.Builder();
    for (int i = 0; i < count; i++) {
      builder.add("https://tenant" + i + ".example.com");
    }
    return builder.build();
  }

  @Test
  void everyKeyIsFound_andOnlyThose() {
    OriginTable table = tenants(10_000);
    assertThat(table.size()).isEqualTo(10_000);
    for (int i = 0; i < 10_000; i++) {
      // A copy: the lookup compares characters, never references.
      String origin = new String(("https://tenant" + i + ".example.com").toCharArray());
      assertThat(table.contains(origin)).as(origin).isTrue();
      assertThat(table.key(table.indexOf(origin, 0, origin.length()))).isEqualTo(origin);
    }
    assertThat(table.contains("https://tenant10000.example.com")).isFalse();
    assertThat(table.contains("https://tenant1.example.co")).isFalse();
    assertThat(table.contains("https://tenant1.example.comm")).isFalse();
    assertThat(table.contains("")).isFalse();
  }

  @Test
  void aLookupReadsAFewSlots_notTheList() {
    OriginTable table = tenants(100_000);
    int worst = 0;
    long total = 0;
    for (int i = 0; i < 100_000; i++) {
      int probes = table.probes("https://tenant" + i + ".example.com");
      worst = Math.max(worst, probes);
      total += probes;
    }
    for (int i = 0; i < 100_000; i++) {
      total += table.probes("https://absent" + i + ".example.com");
    }
    // Linear probing at most two thirds full: about 2 slots for a hit, 5 for a miss on average.
    assertThat(total / 200_000.0).isLessThan(4.0);
    assertThat(worst).isLessThan(200);
  }

  @Test
  void repeatsAreKeptOnce_inTheOrderFirstAdded() {
    OriginTable.Builder builder = new OriginTable.Builder();
    assertThat(builder.add("https://b.example")).isTrue();
    assertThat(builder.add("https://a.example")).isTrue();
    assertThat(builder.add("https://b.example")).isFalse();
    OriginTable table = builder.build();
    assertThat(table.size()).isEqualTo(2);
    assertThat(table.key(0)).isEqualTo("https://b.example");
    assertThat(table.key(1)).isEqualTo("https://a.example");
    assertThat(builder.size()).isZero(); // the builder hands its arrays over
  }

  /**
   * The keys are stored as bytes: a request character above 0xff must not pass for the ASCII one
   * its low byte is ('\u0161' is 0x0161, whose low byte is 'a').
   */
  @Test
  void aCharacterWhoseLowByteIsAKeyCharacter_doesNotMatch() {
    OriginTable table = tenants(1);
    assertThat(table.contains("https://tenant0.ex\u0161mple.com")).isFalse();
    assertThat(table.contains("https://tenant0.ex\u00e1mple.com")).isFalse();
    assertThat(table.contains("https://tenant0.example.com")).isTrue();
  }

  @Test
  void regionsAndSuffixHashes_agreeWithWholeKeys() {
    OriginTable.Builder builder = new OriginTable.Builder();
    builder.add("example.com");
    builder.add("tenant7.example.com");
    OriginTable table = builder.build();
    String host = "a.tenant7.example.com";
    int running = 0;
    List<String> found = new ArrayList<>();
    for (int i = host.length() - 1; i >= 0; i--) {
      running = OriginTable.extend(running, host.charAt(i));
      assertThat(OriginTable.finish(running)).isEqualTo(OriginTable.hash(host, i, host.length()));
      if (table.indexOf(host, i, host.length(), OriginTable.finish(running)) >= 0) {
        found.add(host.substring(i));
      }
    }
    assertThat(found).containsExactly("example.com", "tenant7.example.com");
  }

  @Test
  void randomKeys_agreeWithAHashSet() {
    Random random = new Random(21);
    Set<String> reference = new HashSet<>();
    OriginTable.Builder builder = new OriginTable.Builder();
    for (int i = 0; i < 5_000; i++) {
      String key = randomAscii(random);
      assertThat(builder.add(key)).isEqualTo(reference.add(key));
    }
    OriginTable table = builder.build();
    assertThat(table.size()).isEqualTo(reference.size());
    for (int i = 0; i < 20_000; i++) {
      String probe = randomAscii(random);
      assertThat(table.contains(probe)).as(probe).isEqualTo(reference.contains(probe));
    }
  }

  private static String randomAscii(Random random) {
    char[] chars = new char[1 + random.nextInt(3)];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) ('a' + random.nextInt(20));
    }
    return new String(chars);
  }
}
