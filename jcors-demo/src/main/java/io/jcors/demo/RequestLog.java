package io.jcors.demo;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.jcors.jdk.ForwardingExchange;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the API received and answered, so that the page can show the requests its browser sent,
 * preflights included: a browser never shows a page its preflights. Keeps the latest {@value
 * #CAPACITY} requests. Thread-safe.
 */
final class RequestLog {
  static final int CAPACITY = 200;

  /** Request headers worth showing: the CORS ones, and those the demo's scenarios send. */
  private static final List<String> REQUEST_HEADERS =
      List.of(
          "Origin",
          "Access-Control-Request-Method",
          "Access-Control-Request-Headers",
          "Content-Type",
          DemoApi.TOKEN_HEADER,
          "Cookie");

  private final Deque<Entry> entries = new ArrayDeque<>();
  private long lastId;

  /** A filter to put first in the API's context: it records each exchange that passes. */
  Filter recorder() {
    return new Filter() {
      @Override
      public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Entry entry = received(exchange);
        chain.doFilter(
            ForwardingExchange.beforeSend(
                exchange,
                (sent, status, length) -> answered(entry, status, sent.getResponseHeaders())));
      }

      @Override
      public String description() {
        return "records requests for the demo page";
      }
    };
  }

  /** The id of the latest request, 0 before the first. */
  synchronized long lastId() {
    return lastId;
  }

  /** The requests after {@code id}, oldest first, as JSON objects. */
  synchronized List<Map<String, Object>> after(long id) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.id > id) {
        result.add(entry.toMap());
      }
    }
    return result;
  }

  private synchronized Entry received(HttpExchange exchange) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : REQUEST_HEADERS) {
      String value = exchange.getRequestHeaders().getFirst(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    String method = exchange.getRequestMethod();
    boolean preflight =
        method.equalsIgnoreCase("OPTIONS")
            && headers.containsKey("Origin")
            && headers.containsKey("Access-Control-Request-Method");
    Entry entry =
        new Entry(
            ++lastId,
            method,
            exchange.getRequestURI().getRawPath(),
            preflight,
            headers,
            exchange.getRequestHeaders().getFirst("User-Agent"));
    entries.addLast(entry);
    if (entries.size() > CAPACITY) {
      entries.removeFirst();
    }
    return entry;
  }

  private synchronized void answered(Entry entry, int status, Headers headers) {
    Map<String, String> shown = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (lower.startsWith("access-control-")
              || lower.equals("vary")
              || lower.equals("set-cookie")
              || lower.equals("content-type")) {
            shown.put(canonical(name), String.join(", ", values));
          }
        });
    entry.status = status;
    entry.response = shown;
  }

  /** {@code access-control-allow-origin} as {@code Access-Control-Allow-Origin}. */
  private static String canonical(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toCharArray()) {
      out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return out.toString();
  }

  private static final class Entry {
    final long id;
    final String method;
    final String path;
    final boolean preflight;
    final Map<String, String> request;
    final String userAgent; // not shown: it tells the browser's requests from jcors check's
    int status; // guarded by the log; 0 until answered
    Map<String, String> response = Map.of();

    Entry(
        long id,
        String method,
        String path,
        boolean preflight,
        Map<String, String> request,
        String userAgent) {
      this.id = id;
      this.method = method;
      this.path = path;
      this.preflight = preflight;
      this.request = request;
      this.userAgent = userAgent;
    }

    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("id", id);
      map.put("method", method);
      map.put("path", path);
      map.put("preflight", preflight);
      map.put("request", new LinkedHashMap<>(request));
      map.put("status", status);
      map.put("response", new LinkedHashMap<>(response));
      map.put("userAgent", userAgent);
      return map;
    }
  }
}
