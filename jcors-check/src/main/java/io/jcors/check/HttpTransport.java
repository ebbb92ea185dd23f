package io.jcors.check;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Sends requests with {@link java.net.http.HttpClient}, HTTP/1.1, redirects never followed (the
 * check follows them itself, as Fetch does, F35-F37).
 *
 * <p>Why the JDK client suffices: it refuses to set only {@code Connection}, {@code
 * Content-Length}, {@code Expect}, {@code Host} and {@code Upgrade}, which are forbidden request
 * headers in Fetch too (a page can never set them), while {@code Origin} and {@code
 * Access-Control-Request-*} can be set like any header. HTTP/1.1 is forced so that the client does
 * not add {@code Upgrade: h2c}, which a browser never sends. Repeated response header lines stay
 * separate values, which the check needs to see two {@code Access-Control-Allow-Origin} lines
 * (F10).
 */
final class HttpTransport implements Transport {
  private final HttpClient client;
  private final Duration timeout;

  HttpTransport(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
  }

  @Override
  public ReceivedResponse send(SentRequest request) throws CheckException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.url())
            .timeout(timeout)
            .method(request.method(), HttpRequest.BodyPublishers.noBody());
    for (Header header : request.headers()) {
      builder.header(header.name(), header.value());
    }
    HttpResponse<Void> response;
    try {
      response = client.send(builder.build(), HttpResponse.BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CheckException(
          CheckException.Kind.UNREACHABLE, "interrupted while waiting for " + request.url(), e);
    } catch (IOException e) {
      throw new CheckException(
          CheckException.Kind.UNREACHABLE, "cannot reach " + request.url() + ": " + describe(e), e);
    }
    List<Header> headers = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : response.headers().map().entrySet()) {
      if (entry.getKey().startsWith(":")) {
        continue; // HTTP/2 pseudo-headers; not reachable with HTTP/1.1
      }
      for (String value : entry.getValue()) {
        headers.add(new Header(entry.getKey(), HeaderLists.trimOws(value)));
      }
    }
    return new ReceivedResponse(response.statusCode(), headers);
  }

  private String describe(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "no connection within " + timeout.toSeconds() + " s";
    }
    if (e instanceof HttpTimeoutException) {
      return "no response within " + timeout.toSeconds() + " s";
    }
    if (e instanceof ConnectException) {
      return "connection refused (is the server running on that port?)";
    }
    if (e instanceof UnknownHostException || e.getCause() instanceof UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof SSLException) {
      return "TLS failed: " + e.getMessage();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
