package io.jcors;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The obvious, slow reading of what {@link RequestPath#normalize} does, for the fuzz test to
 * compare against: split at {@code /}, cut each segment at its first {@code ;}, decode the
 * segment's bytes as strict UTF-8, then resolve the segments on a stack.
 */
final class NaiveRequestPath {
  private NaiveRequestPath() {}

  static String reference(String raw) {
    if (raw.isEmpty()) {
      return "/";
    }
    if (!raw.startsWith("/")) {
      return null;
    }
    String[] parts = raw.substring(1).split("/", -1);
    Deque<String> stack = new ArrayDeque<>();
    boolean trailingSlash = false;
    for (int k = 0; k < parts.length; k++) {
      String part = parts[k];
      int semicolon = part.indexOf(';');
      String segment = decode(semicolon >= 0 ? part.substring(0, semicolon) : part);
      if (segment == null) {
        return null;
      }
      boolean last = k == parts.length - 1;
      if (segment.isEmpty() || segment.equals(".")) {
        trailingSlash = last;
      } else if (segment.equals("..")) {
        if (stack.isEmpty()) {
          return null;
        }
        stack.removeLast();
        trailingSlash = last;
      } else {
        stack.addLast(segment);
        trailingSlash = false;
      }
    }
    String path = "/" + String.join("/", stack);
    return trailingSlash && !stack.isEmpty() ? path + "/" : path;
  }

  private static String decode(String part) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < part.length(); ) {
      int c = part.codePointAt(i);
      if (c == '\\' || c == 0) {
        return null;
      }
      if (c == '%') {
        if (i + 3 > part.length() || !part.substring(i + 1, i + 3).matches("[0-9A-Fa-f]{2}")) {
          return null;
        }
        int b = Integer.parseInt(part.substring(i + 1, i + 3), 16);
        if (b == '/' || b == '\\' || b == 0) {
          return null;
        }
        bytes.write(b);
        i += 3;
      } else {
        bytes.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
