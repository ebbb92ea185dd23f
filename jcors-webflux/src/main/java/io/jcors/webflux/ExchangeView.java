package io.jcors.webflux;

import io.jcors.CorsDecision;
import io.jcors.CorsExchange;
import io.jcors.RequestPath;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One exchange as the core reads its request and a {@link CorsDecision} writes its response, and
 * the hook that puts the decision back before the response is committed. Only {@link HttpHeaders}
 * methods that Spring Framework 6.2 and 7 both have are used.
 */
final class ExchangeView extends CorsExchange {
  private final ServerWebExchange exchange;

  ExchangeView(ServerWebExchange exchange) {
    this.exchange = exchange;
  }

  /**
   * Puts back what the response lost since the decision was written (an error handler's or a
   * reset's cleared headers, a {@code Vary} the application replaced), just before it is committed.
   */
  Mono<Void> beforeCommit() {
    restore();
    return Mono.empty();
  }

  @Override
  public String method() {
    return exchange.getRequest().getMethod().name();
  }

  /**
   * The path within the application in the normal form of {@link RequestPath}, when it is the path
   * WebFlux matches handlers on; otherwise null. WebFlux's patterns match each segment decoded and
   * without its {@code ;} parameters, but empty and dot segments as they are, so a path holding any
   * of those could be served by a handler other than the one its normal form names.
   */
  @Override
  public String path() {
    PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
    String raw = path.value();
    String normal = RequestPath.normalize(raw);
    if (normal == null || normal == raw) {
      return normal; // ambiguous, or already normal (the usual case, nothing allocated)
    }
    if (raw.indexOf(';') >= 0) {
      return null; // parameters: a handler reading the raw path would see them
    }
    StringBuilder matched = new StringBuilder(raw.length());
    for (PathContainer.Element element : path.elements()) {
      matched.append(
          element instanceof PathContainer.PathSegment segment
              ? segment.valueToMatch()
              : element.value());
    }
    return normal.contentEquals(matched) ? normal : null;
  }

  @Override
  public String rawPath() {
    return exchange.getRequest().getPath().pathWithinApplication().value();
  }

  @Override
  protected String requestHeader(String name) {
    return exchange.getRequest().getHeaders().getFirst(name);
  }

  @Override
  public String get(String name) {
    HttpHeaders headers = exchange.getResponse().getHeaders();
    String first = headers.getFirst(name);
    if (first == null) {
      return null; // the usual case
    }
    // headerSet(), not get(name): get's signature differs between Spring 6 (Map's get(Object))
    // and Spring 7, and this module runs on both. In Spring 7 headerSet() copies every name of
    // the response, so only a header that is there comes here, and has() does not.
    for (Map.Entry<String, List<String>> header : headers.headerSet()) {
      List<String> lines = header.getValue();
      if (header.getKey().equalsIgnoreCase(name) && lines.size() > 1) {
        return String.join(", ", lines);
      }
    }
    return first;
  }

  /**
   * Whether the response has {@code name}: its first line, without collecting the others, which
   * {@link CorsDecision#restoreOn} asks of each CORS header before the response commits.
   */
  @Override
  public boolean has(String name) {
    return exchange.getResponse().getHeaders().getFirst(name) != null;
  }

  @Override
  public void set(String name, String value) {
    exchange.getResponse().getHeaders().set(name, value);
  }
}
