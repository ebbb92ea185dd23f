package io.jcors.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Domains under which anyone can register a name, so that {@code https://*.<suffix>} trusts
 * strangers: the whole <a href="https://publicsuffix.org/">Public Suffix List</a>, its ICANN and
 * private sections (hosting platforms such as {@code github.io}, {@code r2.dev}, {@code
 * s3.us-east-1.amazonaws.com}), with its wildcard ({@code *.run.app}) and exception ({@code
 * !www.ck}) rules, and the list's default rule {@code *}: a top-level domain it does not know is a
 * public suffix too.
 *
 * <p>The list is data of the Mozilla Foundation under the Mozilla Public License 2.0, copied
 * unmodified into this jar at build time (see jcors-core's POM) from the httpclient5 release that
 * ships it, with its licence header. It is parsed on first use, when a configuration is checked,
 * never per request, into three sorted tables held as one string each.
 */
public final class PublicSuffixes {
  static final String RESOURCE = "public_suffix_list.dat";

  private PublicSuffixes() {}

  /** Whether {@code domain} (lower case, no trailing dot) is a public suffix. */
  public static boolean isPublicSuffix(String domain) {
    return !domain.isEmpty() && Rules.LIST.suffixStart(domain) == 0;
  }

  /**
   * The registrable domain of {@code host} (lower case, no trailing dot): its public suffix and the
   * one label in front, {@code example.co.uk} for {@code www.example.co.uk}; null when the host is
   * itself a public suffix, an IP address, or empty.
   */
  public static String registrableDomain(String host) {
    if (host.isEmpty()
        || host.startsWith("[")
        || OriginSyntax.ipv4FirstOctet(host) >= 0
        || host.startsWith(".")
        || host.endsWith(".")) {
      return null;
    }
    int suffix = Rules.LIST.suffixStart(host);
    if (suffix == 0) {
      return null;
    }
    return host.substring(host.lastIndexOf('.', suffix - 2) + 1);
  }

  /**
   * Whether {@code suffix} is written in the list as a rule of its own ({@code com}, {@code
   * co.uk}).
   */
  static boolean isListed(String suffix) {
    return Rules.LIST.exact.contains(suffix, 0);
  }

  /** The number of rules in the list, for tests and diagnostics. */
  static int ruleCount() {
    return Rules.LIST.count;
  }

  /** The list's {@code VERSION} line ({@code 2026-10-06_16-13-12_UTC}), or "unknown". */
  public static String listVersion() {
    return Rules.LIST.version;
  }

  /** The parsed list, loaded when first needed (the holder-class idiom). */
  private static final class Rules {
    static final Rules LIST = load();

    private final SortedNames exact;
    private final SortedNames wildcard;
    private final SortedNames exception;
    private final int count;
    private final String version;

    private Rules(List<String> exact, List<String> wildcard, List<String> exception, String v) {
      this.exact = new SortedNames(exact);
      this.wildcard = new SortedNames(wildcard);
      this.exception = new SortedNames(exception);
      this.count = exact.size() + wildcard.size() + exception.size();
      this.version = v;
    }

    private static Rules load() {
      InputStream in = PublicSuffixes.class.getResourceAsStream(RESOURCE);
      if (in == null) {
        throw new IllegalStateException(
            "the Public Suffix List (io/jcors/internal/"
                + RESOURCE
                + ") is missing from jcors-core; build the jar with ./mvnw, which copies it in");
      }
      List<String> exact = new ArrayList<>();
      List<String> wildcard = new ArrayList<>();
      List<String> exception = new ArrayList<>();
      String version = "unknown";
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          String rule = line.strip();
          if (rule.startsWith("// VERSION:")) {
            version = rule.substring("// VERSION:".length()).strip();
          }
          if (rule.isEmpty() || rule.startsWith("//")) {
            continue;
          }
          // The list's format: one rule per line, up to the first white space.
          int space = rule.indexOf(' ');
          rule = space < 0 ? rule : rule.substring(0, space);
          if (rule.startsWith("!")) {
            exception.add(ascii(rule.substring(1)));
          } else if (rule.startsWith("*.")) {
            wildcard.add(ascii(rule.substring(2)));
          } else {
            exact.add(ascii(rule));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the Public Suffix List", e);
      }
      return new Rules(exact, wildcard, exception, version);
    }

    /** Browsers send internationalized hosts in Punycode; the list writes them in Unicode. */
    private static String ascii(String rule) {
      return IDN.toASCII(rule, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    }

    /**
     * Where the public suffix of {@code host} starts (0: the host is one). The PSL algorithm: the
     * matching rule with the most labels prevails, an exception rule prevails over all and its
     * suffix is the rule without its first label, and with no match the default rule {@code *}
     * makes the last label the suffix.
     */
    int suffixStart(String host) {
      int best = host.lastIndexOf('.') + 1;
      for (int i = 0; i >= 0; i = next(host, i)) {
        int parent = next(host, i);
        if (exception.contains(host, i)) {
          return parent < 0 ? i : parent;
        }
        if (i < best
            && (exact.contains(host, i) || parent >= 0 && wildcard.contains(host, parent))) {
          best = i;
        }
      }
      return best;
    }

    /** The start of the label after the one at {@code i}, or -1. */
    private static int next(String host, int i) {
      int dot = host.indexOf('.', i);
      return dot < 0 ? -1 : dot + 1;
    }
  }

  /**
   * A sorted set of names held as one string and the start of each name: about a fifth of the
   * memory of a {@code HashSet<String>} of the same ten thousand names. Looked up by binary search
   * on a region of the key, without copying it.
   */
  private static final class SortedNames {
    private final String names;
    private final int[] starts;

    SortedNames(List<String> list) {
      List<String> sorted = new ArrayList<>(list);
      sorted.sort(null);
      StringBuilder all = new StringBuilder();
      starts = new int[sorted.size() + 1];
      for (int i = 0; i < sorted.size(); i++) {
        starts[i] = all.length();
        all.append(sorted.get(i));
      }
      starts[sorted.size()] = all.length();
      names = all.toString();
    }

    /** Whether {@code key.substring(from)} is one of the names. */
    boolean contains(String key, int from) {
      int low = 0;
      int high = starts.length - 2;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        int c = compare(mid, key, from);
        if (c == 0) {
          return true;
        }
        if (c < 0) {
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      return false;
    }

    /** The order of {@link String#compareTo}, between name {@code i} and the key's region. */
    private int compare(int i, String key, int from) {
      int start = starts[i];
      int length = starts[i + 1] - start;
      int keyLength = key.length() - from;
      for (int k = 0; k < Math.min(length, keyLength); k++) {
        int c = names.charAt(start + k) - key.charAt(from + k);
        if (c != 0) {
          return c;
        }
      }
      return length - keyLength;
    }
  }
}
