package io.jcors.benchmarks;

import io.jcors.CorsPolicy;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link AdapterBenchmark}'s {@code adapter=micronaut}: jcors-micronaut's filter, the bean
 * Micronaut's own context makes from a {@link CorsPolicy} bean, called as Micronaut's filter runner
 * calls a {@code @ServerFilter}: its {@code @RequestFilter} method with the request; when that
 * answers nothing, the application's response ({@code HttpResponse.ok()}, made for each request);
 * then its {@code @ResponseFilter} method with the request and the response. No server: the request
 * is Micronaut's in-memory {@code SimpleHttpRequest} ({@link HttpRequest#create}), built once and
 * replayed, its attributes cleared before each request as a new request has none. {@code
 * layer=passthrough} is the same two calls to a filter that does nothing.
 */
final class MicronautRequest implements AdapterBenchmark.Request {
  /** Micronaut's two filter methods, as the filter runner sees them. */
  interface Filter {
    CompletionStage<Optional<MutableHttpResponse<?>>> decide(HttpRequest<?> request);

    void restore(HttpRequest<?> request, MutableHttpResponse<?> response);
  }

  /** The answer of a request filter that lets the request go on. */
  private static final CompletableFuture<Optional<MutableHttpResponse<?>>> GO_ON =
      CompletableFuture.completedFuture(Optional.empty());

  private final MutableHttpRequest<?> request;
  private final ApplicationContext context;
  private final Filter filter;

  MicronautRequest(Fixture fixture, CorsPolicy policy, boolean jcors) {
    MutableHttpRequest<?> built =
        HttpRequest.create(HttpMethod.parse(fixture.method), Fixture.PATH);
    for (String[] header : fixture.headers) {
      built.header(header[0], header[1]);
    }
    this.request = built;
    if (jcors) {
      context = ApplicationContext.builder().singletons(policy).start();
      io.jcors.micronaut.CorsFilter cors = context.getBean(io.jcors.micronaut.CorsFilter.class);
      filter =
          new Filter() {
            @Override
            public CompletionStage<Optional<MutableHttpResponse<?>>> decide(
                HttpRequest<?> request) {
              return cors.decide(request);
            }

            @Override
            public void restore(HttpRequest<?> request, MutableHttpResponse<?> response) {
              cors.restore(request, response);
            }
          };
    } else {
      context = null;
      filter =
          new Filter() {
            @Override
            public CompletionStage<Optional<MutableHttpResponse<?>>> decide(
                HttpRequest<?> request) {
              return GO_ON;
            }

            @Override
            public void restore(HttpRequest<?> request, MutableHttpResponse<?> response) {}
          };
    }
  }

  @Override
  public Object handle() {
    request.getAttributes().clear();
    // Completed at once for a static policy; join() is what waiting for it would be.
    Optional<MutableHttpResponse<?>> answer = filter.decide(request).toCompletableFuture().join();
    MutableHttpResponse<?> response = answer.isPresent() ? answer.get() : HttpResponse.ok();
    filter.restore(request, response);
    return response;
  }

  @Override
  public void check(Fixture fixture, boolean jcors) {
    MutableHttpResponse<?> response = (MutableHttpResponse<?>) handle();
    AdapterBenchmark.check(
        "micronaut",
        fixture,
        jcors,
        response.code(),
        new ArrayList<>(response.getHeaders().names()),
        response.getHeaders()::get);
  }

  @Override
  public void close() {
    if (context != null) {
      context.close();
    }
  }
}
