package io.jcors.internal;

import io.jcors.internal.RegexTree.Alternation;
import io.jcors.internal.RegexTree.Assertion;
import io.jcors.internal.RegexTree.BackReference;
import io.jcors.internal.RegexTree.Group;
import io.jcors.internal.RegexTree.Node;
import io.jcors.internal.RegexTree.Repeat;
import io.jcors.internal.RegexTree.Sequence;
import io.jcors.internal.RegexTree.Single;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Probes an origin regex with origins an attacker can own, derived from the regex itself: a sample
 * origin the regex accepts is built from its syntax tree (one per top-level alternative), then
 * mutated the ways that get past sloppy regexes, and each mutant is searched with the regex as a
 * request would be ({@link RegexSearch}). A mutant that gets in and lies outside the sample's
 * registrable domain (Public Suffix List) is a finding, named with the origin that got in:
 *
 * <ul>
 *   <li>a prefix on the host, {@code evil} + host and {@code evil-} + host: no label boundary in
 *       front of the domain ({@code [a-z0-9-]*example\.com} lets in {@code evilexample.com}; S4);
 *   <li>a suffix after the host, host + {@code .attacker.example}: anything may follow the host
 *       ({@code example\.com[^\/]*$}, {@code \S*$}; S5);
 *   <li>another top-level domain, {@code example.xyz} for {@code example.com} (S5);
 *   <li>with credentials, {@code http:} for {@code https:} ({@code https?}; S10), and a name of
 *       one's own directly under the sample's public suffix ({@code attacker.github.io} for {@code
 *       [a-z]+\.github\.io}; S11).
 * </ul>
 *
 * A regex that also accepts an unrelated origin ({@code https://attacker.example}) is reported once
 * as matching any origin instead. Only for checking a configuration, never per request.
 */
public final class AttackerOrigins {
  /** The label the prefix, suffix and public-suffix probes are made of. */
  private static final String ATTACKER = "attacker";

  private AttackerOrigins() {}

  /** A class of finding, with the misconfiguration class of docs/security.md it belongs to. */
  public enum Kind {
    /** A prefix in front of the host gets in (S4). */
    PREFIX("S4"),
    /** Anything after the host gets in (S5). */
    SUFFIX("S5"),
    /** Another top-level domain gets in (S5). */
    OTHER_SUFFIX("S5"),
    /** Plain {@code http:} gets in, with credentials (S10). */
    PLAIN_HTTP("S10"),
    /** Anyone's name under a public suffix gets in, with credentials (S11). */
    PUBLIC_SUFFIX("S11");

    private final String rule;

    Kind(String rule) {
      this.rule = rule;
    }

    /** The rule id, {@code S4}. */
    public String rule() {
      return rule;
    }
  }

  /** One origin that got in: what kind of hole, the origin, the sample it came from, a fix. */
  public static final class Finding {
    private final Kind kind;
    private final String attacker;
    private final String sample;
    private final String fix;

    Finding(Kind kind, String attacker, String sample, String fix) {
      this.kind = kind;
      this.attacker = attacker;
      this.sample = sample;
      this.fix = fix;
    }

    /** The kind of hole. */
    public Kind kind() {
      return kind;
    }

    /** The attacker's origin that the regex accepts. */
    public String attacker() {
      return attacker;
    }

    /** The origin derived from the regex that the attacker's was made from. */
    public String sample() {
      return sample;
    }

    /** A regex literal that closes the hole, {@code /^https:\/\/example\.com$/}. */
    public String fix() {
      return fix;
    }
  }

  /**
   * The origins {@code regex} accepts that it was hardly meant to; empty when it accepts none of
   * the probes, when no sample origin can be derived from it, or when it accepts any origin.
   */
  public static List<Finding> probe(Pattern regex, boolean credentials) {
    if (RegexSearch.find(regex, "https://" + ATTACKER + ".example")) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String sample : samples(regex)) {
      for (Finding finding : probeSample(regex, sample, credentials)) {
        if (seen.add(finding.kind.rule + " " + finding.attacker)) {
          findings.add(finding);
        }
      }
    }
    return findings;
  }

  /**
   * Origins {@code regex} accepts, built from its tree: one per top-level alternative, each
   * repetition taken the fewest times, or once when that gives no origin.
   */
  static List<String> samples(Pattern regex) {
    Node root = RegexTree.parse(regex);
    try {
      return samples(regex, root);
    } catch (StackOverflowError e) {
      return List.of(); // nesting deeper than this builder recurses: no sample
    }
  }

  private static List<String> samples(Pattern regex, Node root) {
    if (root == null) {
      return List.of();
    }
    List<Node> alternatives =
        root instanceof Alternation ? ((Alternation) root).alternatives : List.of(root);
    List<String> samples = new ArrayList<>();
    for (Node alternative : alternatives) {
      for (boolean atLeastOnce : new boolean[] {false, true}) {
        String sample = accepted(regex, build(alternative, atLeastOnce));
        if (sample != null) {
          if (!samples.contains(sample)) {
            samples.add(sample);
          }
          break;
        }
      }
    }
    return samples;
  }

  /** {@code text}, or {@code https://} + text, when it is an origin the regex accepts. */
  private static String accepted(Pattern regex, String text) {
    if (text == null) {
      return null;
    }
    for (String candidate : new String[] {text, "https://" + text}) {
      if (!candidate.equals("null")
          && OriginSyntax.whyNotSerialized(candidate) == null
          && RegexSearch.find(regex, candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** A string the node matches, or null when this builder cannot tell one. */
  private static String build(Node node, boolean atLeastOnce) {
    if (node instanceof Single) {
      int c = ((Single) node).chars.representative();
      return c < 0 ? null : String.valueOf((char) c);
    }
    if (node instanceof Assertion) {
      return "";
    }
    if (node instanceof BackReference) {
      return null;
    }
    if (node instanceof Group) {
      return build(((Group) node).body, atLeastOnce);
    }
    if (node instanceof Sequence) {
      StringBuilder out = new StringBuilder();
      for (Node item : ((Sequence) node).items) {
        String part = build(item, atLeastOnce);
        if (part == null) {
          return null;
        }
        out.append(part);
        if (out.length() > OriginSyntax.MAX_LENGTH) {
          return null; // longer than any origin that is ever matched
        }
      }
      return out.toString();
    }
    if (node instanceof Alternation) {
      for (Node alternative : ((Alternation) node).alternatives) {
        String part = build(alternative, atLeastOnce);
        if (part != null) {
          return part;
        }
      }
      return null;
    }
    if (node instanceof Repeat) {
      Repeat repeat = (Repeat) node;
      int times = atLeastOnce ? Math.min(Math.max(repeat.min, 1), repeat.max) : repeat.min;
      if (times > OriginSyntax.MAX_LENGTH) {
        return null;
      }
      String part = times == 0 ? "" : build(repeat.body, atLeastOnce);
      if (part == null || (long) part.length() * times > OriginSyntax.MAX_LENGTH) {
        return null; // longer than any origin that is ever matched
      }
      return part.repeat(times);
    }
    return null;
  }

  private static List<Finding> probeSample(Pattern regex, String sample, boolean credentials) {
    String scheme = OriginSyntax.schemeOf(sample);
    String host = OriginSyntax.hostOf(sample);
    String port = sample.substring(scheme.length() + 3 + host.length());
    boolean ip = host.startsWith("[") || OriginSyntax.ipv4FirstOctet(host) >= 0;
    String registrable = ip ? null : PublicSuffixes.registrableDomain(host);
    String owner = registrable != null ? registrable : host;
    List<Finding> findings = new ArrayList<>();

    boolean publicSuffixHole = false;
    if (registrable != null) {
      String suffix = registrable.substring(registrable.indexOf('.') + 1);
      String anyone = scheme + "://" + ATTACKER + "." + suffix + port;
      if (!registrable.equals(ATTACKER + "." + suffix) && RegexSearch.find(regex, anyone)) {
        // Anyone's name under the public suffix gets in: S11 with credentials; without them this
        // is what https://*.<suffix> allows, which is not a warning either.
        publicSuffixHole = true;
        if (credentials) {
          findings.add(
              new Finding(
                  Kind.PUBLIC_SUFFIX, anyone, sample, literal(scheme, "myapp." + suffix, port)));
        }
      }
    }
    if (!ip && !publicSuffixHole) {
      for (String prefix : new String[] {"evil", "evil-"}) {
        String mutant = scheme + "://" + prefix + host + port;
        if (gotIn(regex, mutant, prefix + host, owner)) {
          findings.add(new Finding(Kind.PREFIX, mutant, sample, subdomainsOf(scheme, host, port)));
          break;
        }
      }
    }
    String longer = host.startsWith("[") ? null : host + "." + ATTACKER + ".example";
    if (longer != null) {
      String mutant = scheme + "://" + longer + port;
      if (gotIn(regex, mutant, longer, owner)) {
        findings.add(new Finding(Kind.SUFFIX, mutant, sample, literal(scheme, host, port)));
      }
    }
    if (registrable != null && registrable.indexOf('.') > 0) {
      String suffix = registrable.substring(registrable.indexOf('.') + 1);
      String other = suffix.equals("xyz") ? "top" : "xyz";
      String moved = host.substring(0, host.length() - suffix.length()) + other;
      String mutant = scheme + "://" + moved + port;
      if (gotIn(regex, mutant, moved, owner)) {
        // The sample's suffix may be a made-up one (example.a from example\.[a-z]+): then the fix
        // shows a real one.
        String spelled =
            PublicSuffixes.isListed(suffix)
                ? host
                : host.substring(0, host.length() - suffix.length()) + "com";
        findings.add(
            new Finding(Kind.OTHER_SUFFIX, mutant, sample, literal(scheme, spelled, port)));
      }
    }
    if (credentials && !OriginSyntax.isLoopback(host)) {
      String plain = "http://" + host + port;
      if (RegexSearch.find(regex, plain)) {
        findings.add(new Finding(Kind.PLAIN_HTTP, plain, sample, httpsOnly(regex, host, port)));
      }
    }
    return findings;
  }

  /** Whether the regex accepts {@code mutant}, whose host lies outside {@code owner}'s domain. */
  private static boolean gotIn(Pattern regex, String mutant, String mutantHost, String owner) {
    String registrable = PublicSuffixes.registrableDomain(mutantHost);
    boolean elsewhere = registrable == null || !registrable.equals(owner);
    return elsewhere && RegexSearch.find(regex, mutant);
  }

  /**
   * The user's regex with {@code https?} (or else {@code http:}) written {@code https} ({@code
   * https:}), when that refuses the plain-http origin and accepts the https one; else a regex of
   * the https origin.
   */
  private static String httpsOnly(Pattern regex, String host, String port) {
    String source = regex.pattern();
    for (String[] edit : new String[][] {{"https?", "https"}, {"http:", "https:"}}) {
      int at = source.indexOf(edit[0]);
      if (at < 0) {
        continue;
      }
      String fixed = source.substring(0, at) + edit[1] + source.substring(at + edit[0].length());
      try {
        Pattern pattern = Pattern.compile(fixed, regex.flags());
        if (!RegexSearch.find(pattern, "http://" + host + port)
            && RegexSearch.find(pattern, "https://" + host + port)) {
          return JsRegex.literal(pattern);
        }
      } catch (IllegalArgumentException e) {
        // the edit broke the regex: try the next one
      }
    }
    return literal("https", host, port);
  }

  /** {@code /^scheme:\/\/host(:port)$/} as a JavaScript literal. */
  static String literal(String scheme, String host, String port) {
    return "/^" + scheme + ":\\/\\/" + escape(host) + port + "$/";
  }

  /** A regex for {@code host} and every subdomain of it. */
  private static String subdomainsOf(String scheme, String host, String port) {
    return "/^" + scheme + ":\\/\\/([a-z0-9-]+\\.)*" + escape(host) + port + "$/";
  }

  private static String escape(String host) {
    return host.replace(".", "\\.").replace("[", "\\[").replace("]", "\\]");
  }
}
