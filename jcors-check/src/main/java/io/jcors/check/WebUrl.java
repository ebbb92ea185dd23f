package io.jcors.check;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A URL as the WHATWG URL standard parses it ("basic URL parser"), for the two schemes a page's
 * {@code fetch()} sends over the network, {@code http} and {@code https}: the URL the page fetches,
 * and each {@code Location} a server redirects to, resolved against the URL it answered. Other
 * schemes are recognised ({@link #isHttp()} is false) but not parsed further.
 *
 * <p>It replaces {@link java.net.URI}, which follows RFC 3986 and reads a URL differently from a
 * browser: it rejects a space or a backslash that a browser percent-encodes or turns into {@code
 * /}, keeps {@code HTTP://EXAMPLE.COM:80} as written, takes {@code 0x7f.1} for a host name where a
 * browser reads the IPv4 address {@code 127.0.0.1}, and counts {@code http://@host/} as having user
 * information where the URL standard sees no credentials (an empty username and password).
 *
 * <p>Domain names with characters outside ASCII go through {@link IDN#toASCII(String, int)}, which
 * implements IDNA 2003; the URL standard uses UTS #46 without transitional processing, which maps a
 * few characters differently ({@code ß} stays {@code ß} instead of becoming {@code ss}).
 */
final class WebUrl {
  /** A string that the URL parser rejects, with the reason in plain words. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String reason) {
      super(reason, null, false, false);
    }
  }

  private final String scheme;
  private final String username;
  private final String password;
  private final String host;
  private final int port;
  private final List<String> path;
  private final String query;
  private final String fragment;

  private WebUrl(
      String scheme,
      String username,
      String password,
      String host,
      int port,
      List<String> path,
      String query,
      String fragment) {
    this.scheme = scheme;
    this.username = username;
    this.password = password;
    this.host = host;
    this.port = port;
    this.path = List.copyOf(path);
    this.query = query;
    this.fragment = fragment;
  }

  /** Parses an absolute URL, as {@code fetch(url)} does with the page's own URL as base. */
  static WebUrl parse(String input) throws Invalid {
    return parse(input, null, false);
  }

  /**
   * Parses {@code input} against {@code base} (null: none).
   *
   * @param byteString whether {@code input} is a header value (one char per byte, as {@code
   *     Location} arrives): its bytes above 0x7F are then percent-encoded as they are ({@code %E9}
   *     for byte 0xE9), as Chromium and Firefox do, instead of as the UTF-8 of the char
   */
  static WebUrl parse(String input, WebUrl base, boolean byteString) throws Invalid {
    return new Parser(input, base, byteString).run();
  }

  /** The scheme, lower case. */
  String scheme() {
    return scheme;
  }

  /** Whether the scheme is {@code http} or {@code https} (an HTTP(S) scheme in Fetch's words). */
  boolean isHttp() {
    return host != null;
  }

  /** The serialized host: a lower-case domain, an IPv4 address or {@code [IPv6]}. */
  String host() {
    return host;
  }

  /** The port, or -1 for the scheme's default port (which the URL parser drops). */
  int port() {
    return port;
  }

  /** The port a connection goes to: the explicit one or the scheme's default. */
  int effectivePort() {
    return port >= 0 ? port : scheme.equals("https") ? 443 : 80;
  }

  /** URL standard "includes credentials": a non-empty username or password. */
  boolean includesCredentials() {
    return !username.isEmpty() || !password.isEmpty();
  }

  /**
   * The serialization of the origin written as {@code text}, or null when {@code text} is not an
   * origin at all (not http(s), credentials, a path other than {@code /}, a query or a fragment). A
   * path of {@code /} is accepted so that callers can point out the difference.
   */
  static String serializeOrigin(String text) {
    try {
      WebUrl url = parse(text);
      boolean onlyOrigin =
          url.isHttp()
              && !url.includesCredentials()
              && url.path.equals(List.of(""))
              && url.query == null
              && url.fragment == null;
      return onlyOrigin ? url.origin() : null;
    } catch (Invalid e) {
      return null;
    }
  }

  /** The serialized origin, {@code scheme://host[:port]} (HTML "serialization of an origin"). */
  String origin() {
    return scheme + "://" + host + (port >= 0 ? ":" + port : "");
  }

  /** The {@code Host} request header: the host and, when not the default, the port. */
  String hostHeader() {
    return host + (port >= 0 ? ":" + port : "");
  }

  /** The request target of an HTTP/1.1 request: the path and query (RFC 9112 origin-form). */
  String requestTarget() {
    return pathString() + (query == null ? "" : "?" + query);
  }

  /** The URL without its fragment, serialized: what Fetch requests and what reports show. */
  String withoutFragment() {
    StringBuilder out = new StringBuilder(scheme).append("://");
    if (includesCredentials()) {
      out.append(username);
      if (!password.isEmpty()) {
        out.append(':').append(password);
      }
      out.append('@');
    }
    return out.append(host).append(port >= 0 ? ":" + port : "").append(requestTarget()).toString();
  }

  /** The whole serialized URL, fragment included. */
  @Override
  public String toString() {
    if (!isHttp()) {
      return scheme + ":";
    }
    return withoutFragment() + (fragment == null ? "" : "#" + fragment);
  }

  private String pathString() {
    return "/" + String.join("/", path);
  }

  // ---------------------------------------------------------------------------------------------
  // The basic URL parser, for special schemes, as the URL standard writes it (section 4.4).

  private static final class Parser {
    private final int[] input;
    private final WebUrl base;
    private final boolean byteString;
    private int pointer;
    private final StringBuilder buffer = new StringBuilder();
    private String scheme = "";
    private String username = "";
    private String password = "";
    private String host;
    private int port = -1;
    private final List<String> path = new ArrayList<>();
    private String query;
    private String fragment;

    Parser(String raw, WebUrl base, boolean byteString) {
      // "Remove any leading and trailing C0 control or space", then "remove all ASCII tab or
      // newline".
      int start = 0;
      int end = raw.length();
      while (start < end && raw.charAt(start) <= 0x20) {
        start++;
      }
      while (end > start && raw.charAt(end - 1) <= 0x20) {
        end--;
      }
      this.input =
          raw.substring(start, end)
              .codePoints()
              .filter(c -> c != '\t' && c != '\n' && c != '\r')
              .toArray();
      this.base = base;
      this.byteString = byteString;
    }

    private int c() {
      return pointer < input.length ? input[pointer] : -1;
    }

    private boolean remainingStartsWith(char a) {
      return pointer + 1 < input.length && input[pointer + 1] == a;
    }

    private static boolean isSlash(int c) {
      return c == '/' || c == '\\'; // special URLs treat a backslash as a slash
    }

    WebUrl run() throws Invalid {
      // scheme start and scheme states
      if (c() >= 0 && c() < 0x80 && Infra.isAsciiAlpha((char) c())) {
        int i = 0;
        StringBuilder name = new StringBuilder();
        while (i < input.length
            && input[i] < 0x80
            && (Character.isLetterOrDigit(input[i])
                || input[i] == '+'
                || input[i] == '-'
                || input[i] == '.')) {
          name.append(Infra.asciiLowercase(String.valueOf((char) input[i])));
          i++;
        }
        if (i < input.length && input[i] == ':') {
          scheme = name.toString();
          pointer = i + 1;
          if (!scheme.equals("http") && !scheme.equals("https")) {
            return new WebUrl(scheme, "", "", null, -1, List.of(), null, null);
          }
          if (base != null && base.scheme.equals(scheme)) {
            // special relative or authority state
            if (c() == '/' && remainingStartsWith('/')) {
              pointer += 2;
              return authority();
            }
            return relative();
          }
          // special authority slashes, then special authority ignore slashes
          return authority();
        }
      }
      // no scheme state
      if (base == null) {
        throw new Invalid("it is not an absolute URL (scheme://host/path) and has no base");
      }
      pointer = 0;
      return relative();
    }

    private WebUrl relative() throws Invalid {
      scheme = base.scheme;
      int c = c();
      if (isSlash(c)) {
        // relative slash state
        if (isSlash(pointer + 1 < input.length ? input[pointer + 1] : -1)) {
          pointer += 2;
          return authority();
        }
        copyAuthority();
        return pathStart();
      }
      copyAuthority();
      path.addAll(base.path);
      query = base.query;
      if (c == '?') {
        pointer++;
        return queryState();
      }
      if (c == '#') {
        pointer++;
        return fragmentState();
      }
      if (c >= 0) {
        query = null;
        shorten();
        return pathState();
      }
      return build();
    }

    private void copyAuthority() {
      username = base.username;
      password = base.password;
      host = base.host;
      port = base.port;
    }

    private WebUrl authority() throws Invalid {
      // special authority ignore slashes state
      while (isSlash(c())) {
        pointer++;
      }
      // authority state
      int start = pointer;
      int end = start;
      while (end < input.length
          && input[end] != '/'
          && input[end] != '\\'
          && input[end] != '?'
          && input[end] != '#') {
        end++;
      }
      int at = -1;
      for (int i = start; i < end; i++) {
        if (input[i] == '@') {
          at = i; // the last @ ends the userinfo; earlier ones become %40
        }
      }
      if (at >= 0) {
        if (at + 1 == end) {
          throw new Invalid("it has credentials (user@) but no host after them");
        }
        boolean passwordSeen = false;
        StringBuilder user = new StringBuilder();
        StringBuilder pass = new StringBuilder();
        for (int i = start; i < at; i++) {
          int cp = input[i];
          if (cp == ':' && !passwordSeen) {
            passwordSeen = true;
            continue;
          }
          percentEncode(passwordSeen ? pass : user, cp, USERINFO);
        }
        username = user.toString();
        password = pass.toString();
        start = at + 1;
      }
      // host state
      int portColon = -1;
      boolean brackets = false;
      for (int i = start; i < end; i++) {
        if (input[i] == '[') {
          brackets = true;
        } else if (input[i] == ']') {
          brackets = false;
        } else if (input[i] == ':' && !brackets) {
          portColon = i;
          break;
        }
      }
      int hostEnd = portColon >= 0 ? portColon : end;
      if (hostEnd == start) {
        throw new Invalid("it has no host");
      }
      host = Hosts.parse(new String(input, start, hostEnd - start));
      if (portColon >= 0) {
        String digits = new String(input, portColon + 1, end - portColon - 1);
        if (!digits.isEmpty()) {
          if (!Infra.isAsciiDigits(digits)) {
            throw new Invalid("its port `" + digits + "` is not a number");
          }
          BigInteger value = new BigInteger(digits);
          if (value.compareTo(BigInteger.valueOf(65535)) > 0) {
            throw new Invalid("its port " + digits + " is above 65535");
          }
          port = value.intValue();
          if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
          }
        }
      }
      pointer = end;
      return pathStart();
    }

    private WebUrl pathStart() throws Invalid {
      if (isSlash(c())) {
        pointer++;
      }
      return pathState();
    }

    private WebUrl pathState() throws Invalid {
      while (true) {
        int c = c();
        if (c < 0 || isSlash(c) || c == '?' || c == '#') {
          String segment = buffer.toString();
          if (isDoubleDot(segment)) {
            shorten();
            if (!isSlash(c)) {
              path.add("");
            }
          } else if (isSingleDot(segment)) {
            if (!isSlash(c)) {
              path.add("");
            }
          } else {
            path.add(segment);
          }
          buffer.setLength(0);
          pointer++;
          if (c == '?') {
            return queryState();
          }
          if (c == '#') {
            return fragmentState();
          }
          if (c < 0) {
            return build();
          }
        } else {
          percentEncode(buffer, c, PATH);
          pointer++;
        }
      }
    }

    private WebUrl queryState() {
      StringBuilder out = new StringBuilder();
      while (c() >= 0 && c() != '#') {
        percentEncode(out, c(), SPECIAL_QUERY);
        pointer++;
      }
      query = out.toString();
      if (c() == '#') {
        pointer++;
        return fragmentState();
      }
      return build();
    }

    private WebUrl fragmentState() {
      StringBuilder out = new StringBuilder();
      while (c() >= 0) {
        percentEncode(out, c(), FRAGMENT);
        pointer++;
      }
      fragment = out.toString();
      return build();
    }

    private void shorten() {
      if (!path.isEmpty()) {
        path.remove(path.size() - 1);
      }
    }

    private WebUrl build() {
      if (path.isEmpty()) {
        path.add(""); // a special URL's path is never empty: "http://a" is "http://a/"
      }
      return new WebUrl(scheme, username, password, host, port, path, query, fragment);
    }

    private static boolean isSingleDot(String segment) {
      return segment.equals(".") || Infra.asciiEqualsIgnoreCase(segment, "%2e");
    }

    private static boolean isDoubleDot(String segment) {
      String lower = Infra.asciiLowercase(segment);
      return lower.equals("..")
          || lower.equals(".%2e")
          || lower.equals("%2e.")
          || lower.equals("%2e%2e");
    }

    private void percentEncode(StringBuilder out, int cp, String set) {
      if (cp >= 0x20 && cp < 0x7F && set.indexOf(cp) < 0) {
        out.append((char) cp);
        return;
      }
      if (cp < 0x80 || (byteString && cp <= 0xFF)) {
        appendByte(out, cp);
        return;
      }
      for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
        appendByte(out, b & 0xFF);
      }
    }
  }

  /** Characters besides C0 controls and non-ASCII that each percent-encode set encodes. */
  private static final String FRAGMENT = " \"<>`";

  private static final String SPECIAL_QUERY = " \"#<>'";
  private static final String PATH = " \"#<>?`{}";
  private static final String USERINFO = PATH + "/:;=@[\\]^|";

  private static void appendByte(StringBuilder out, int b) {
    out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)));
    out.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
  }

  // ---------------------------------------------------------------------------------------------
  // Host parsing (section 3.5): IPv6 in brackets, else a domain, which is an IPv4 address when it
  // ends in a number.

  private static final class Hosts {
    private Hosts() {}

    private static final String FORBIDDEN_HOST = "\u0000\t\n\r #/:<>?@[\\]^|";

    static String parse(String input) throws Invalid {
      if (input.startsWith("[")) {
        if (!input.endsWith("]")) {
          throw new Invalid("its IPv6 address `" + input + "` has no closing `]`");
        }
        return "[" + Ipv6.serialize(Ipv6.parse(input.substring(1, input.length() - 1))) + "]";
      }
      String domain = utf8Decode(percentDecode(input));
      String ascii = toAscii(domain);
      for (int i = 0; i < ascii.length(); i++) {
        char c = ascii.charAt(i);
        if (FORBIDDEN_HOST.indexOf(c) >= 0 || c < 0x20 || c == '%' || c == 0x7F) {
          throw new Invalid(
              "its host `"
                  + input
                  + "` contains `"
                  + PrintableText.escape(String.valueOf(c))
                  + "`");
        }
      }
      if (endsInANumber(ascii)) {
        return Ipv4.serialize(Ipv4.parse(ascii));
      }
      return ascii;
    }

    private static String toAscii(String domain) throws Invalid {
      boolean ascii = domain.chars().allMatch(c -> c < 0x80);
      if (ascii) {
        String lower = Infra.asciiLowercase(domain);
        if (lower.isEmpty()) {
          throw new Invalid("its host is empty");
        }
        return lower;
      }
      try {
        return Infra.asciiLowercase(IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED));
      } catch (IllegalArgumentException e) {
        throw new Invalid("its host `" + domain + "` is not a valid domain name");
      }
    }

    private static boolean endsInANumber(String input) {
      List<String> parts = new ArrayList<>(List.of(input.split("\\.", -1)));
      if (parts.get(parts.size() - 1).isEmpty()) {
        if (parts.size() == 1) {
          return false;
        }
        parts.remove(parts.size() - 1);
      }
      String last = parts.get(parts.size() - 1);
      if (Infra.isAsciiDigits(last)) {
        return true;
      }
      return Ipv4.number(last) != null;
    }

    private static byte[] percentDecode(String input) {
      byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '%'
            && i + 2 < bytes.length
            && Infra.isAsciiHexDigit((char) bytes[i + 1])
            && Infra.isAsciiHexDigit((char) bytes[i + 2])) {
          out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
          i += 2;
        } else {
          out.write(bytes[i]);
        }
      }
      return out.toByteArray();
    }

    private static String utf8Decode(byte[] bytes) {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        throw new IllegalStateException(e); // REPLACE never throws
      }
    }
  }

  /** The IPv4 parser and serializer (sections 3.5 and 3.6). */
  private static final class Ipv4 {
    private Ipv4() {}

    /** "IPv4 number parser": decimal, 0x hex or 0 octal; null on failure. */
    static BigInteger number(String input) {
      if (input.isEmpty()) {
        return null;
      }
      int radix = 10;
      String digits = input;
      if (input.length() >= 2 && (input.startsWith("0x") || input.startsWith("0X"))) {
        radix = 16;
        digits = input.substring(2);
      } else if (input.length() >= 2 && input.startsWith("0")) {
        radix = 8;
        digits = input.substring(1);
      }
      if (digits.isEmpty()) {
        return BigInteger.ZERO;
      }
      for (int i = 0; i < digits.length(); i++) {
        if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 0x7F) {
          return null;
        }
      }
      return new BigInteger(digits, radix);
    }

    static long parse(String input) throws Invalid {
      List<String> parts = new ArrayList<>(List.of(input.split("\\.", -1)));
      if (parts.get(parts.size() - 1).isEmpty() && parts.size() > 1) {
        parts.remove(parts.size() - 1);
      }
      if (parts.size() > 4) {
        throw new Invalid("its host `" + input + "` has more than four IPv4 parts");
      }
      List<BigInteger> numbers = new ArrayList<>();
      for (String part : parts) {
        BigInteger n = number(part);
        if (n == null) {
          throw new Invalid("its host `" + input + "` is not a valid IPv4 address");
        }
        numbers.add(n);
      }
      BigInteger b256 = BigInteger.valueOf(256);
      for (int i = 0; i < numbers.size() - 1; i++) {
        if (numbers.get(i).compareTo(BigInteger.valueOf(255)) > 0) {
          throw new Invalid("its host `" + input + "` has an IPv4 part above 255");
        }
      }
      BigInteger last = numbers.get(numbers.size() - 1);
      if (last.compareTo(b256.pow(5 - numbers.size())) >= 0) {
        throw new Invalid("its host `" + input + "` is an IPv4 address out of range");
      }
      BigInteger ipv4 = last;
      for (int i = 0; i < numbers.size() - 1; i++) {
        ipv4 = ipv4.add(numbers.get(i).multiply(b256.pow(3 - i)));
      }
      return ipv4.longValue();
    }

    static String serialize(long address) {
      return ((address >> 24) & 0xFF)
          + "."
          + ((address >> 16) & 0xFF)
          + "."
          + ((address >> 8) & 0xFF)
          + "."
          + (address & 0xFF);
    }
  }

  /** The IPv6 parser and serializer (sections 3.5 and 3.6). */
  private static final class Ipv6 {
    private Ipv6() {}

    static int[] parse(String text) throws Invalid {
      Invalid invalid = new Invalid("its host `[" + text + "]` is not a valid IPv6 address");
      int[] address = new int[8];
      int pieceIndex = 0;
      int compress = -1;
      int p = 0;
      int n = text.length();
      if (p < n && text.charAt(p) == ':') {
        if (p + 1 >= n || text.charAt(p + 1) != ':') {
          throw invalid;
        }
        p += 2;
        pieceIndex++;
        compress = pieceIndex;
      }
      while (p < n) {
        if (pieceIndex == 8) {
          throw invalid;
        }
        if (text.charAt(p) == ':') {
          if (compress != -1) {
            throw invalid;
          }
          p++;
          pieceIndex++;
          compress = pieceIndex;
          continue;
        }
        int value = 0;
        int length = 0;
        while (length < 4 && p < n && Infra.isAsciiHexDigit(text.charAt(p))) {
          value = value * 0x10 + Character.digit(text.charAt(p), 16);
          p++;
          length++;
        }
        if (p < n && text.charAt(p) == '.') {
          if (length == 0) {
            throw invalid;
          }
          p -= length;
          if (pieceIndex > 6) {
            throw invalid;
          }
          int numbersSeen = 0;
          while (p < n) {
            int ipv4Piece = -1;
            if (numbersSeen > 0) {
              if (text.charAt(p) == '.' && numbersSeen < 4) {
                p++;
              } else {
                throw invalid;
              }
            }
            if (p >= n || !Infra.isAsciiDigit(text.charAt(p))) {
              throw invalid;
            }
            while (p < n && Infra.isAsciiDigit(text.charAt(p))) {
              int number = text.charAt(p) - '0';
              if (ipv4Piece == -1) {
                ipv4Piece = number;
              } else if (ipv4Piece == 0) {
                throw invalid;
              } else {
                ipv4Piece = ipv4Piece * 10 + number;
              }
              if (ipv4Piece > 255) {
                throw invalid;
              }
              p++;
            }
            address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
            numbersSeen++;
            if (numbersSeen == 2 || numbersSeen == 4) {
              pieceIndex++;
            }
          }
          if (numbersSeen != 4) {
            throw invalid;
          }
          break;
        } else if (p < n && text.charAt(p) == ':') {
          p++;
          if (p >= n) {
            throw invalid;
          }
        } else if (p < n) {
          throw invalid;
        }
        address[pieceIndex] = value;
        pieceIndex++;
      }
      if (compress != -1) {
        int swaps = pieceIndex - compress;
        pieceIndex = 7;
        while (pieceIndex != 0 && swaps > 0) {
          int tmp = address[pieceIndex];
          address[pieceIndex] = address[compress + swaps - 1];
          address[compress + swaps - 1] = tmp;
          pieceIndex--;
          swaps--;
        }
      } else if (pieceIndex != 8) {
        throw invalid;
      }
      return address;
    }

    static String serialize(int[] address) {
      int compress = -1;
      int bestLength = 1;
      for (int i = 0; i < 8; ) {
        if (address[i] != 0) {
          i++;
          continue;
        }
        int j = i;
        while (j < 8 && address[j] == 0) {
          j++;
        }
        if (j - i > bestLength) {
          compress = i;
          bestLength = j - i;
        }
        i = j;
      }
      StringBuilder out = new StringBuilder();
      boolean ignore0 = false;
      for (int i = 0; i < 8; i++) {
        if (ignore0 && address[i] == 0) {
          continue;
        }
        ignore0 = false;
        if (compress == i) {
          out.append(i == 0 ? "::" : ":");
          ignore0 = true;
          continue;
        }
        out.append(Integer.toHexString(address[i]));
        if (i != 7) {
          out.append(':');
        }
      }
      return out.toString();
    }
  }
}
