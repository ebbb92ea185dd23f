package io.jcors.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;

/**
 * The application routes of {@link io.jcors.testsupport.AdapterContract}, for every method: {@code
 * /vary}, {@code /four-oh-four}, {@code /five-hundred}, and {@code METHOD path} everywhere else.
 */
@Controller
@Requires(property = "test.app", value = "contract")
class ContractApi {
  @Get("/{+path}")
  MutableHttpResponse<String> get(HttpRequest<?> request) {
    return answer(request);
  }

  @Post("/{+path}")
  MutableHttpResponse<String> post(HttpRequest<?> request) {
    return answer(request);
  }

  @Put("/{+path}")
  MutableHttpResponse<String> put(HttpRequest<?> request) {
    return answer(request);
  }

  @Patch("/{+path}")
  MutableHttpResponse<String> patch(HttpRequest<?> request) {
    return answer(request);
  }

  @Delete("/{+path}")
  MutableHttpResponse<String> delete(HttpRequest<?> request) {
    return answer(request);
  }

  @Options("/{+path}")
  MutableHttpResponse<String> options(HttpRequest<?> request) {
    return answer(request);
  }

  static MutableHttpResponse<String> answer(HttpRequest<?> request) {
    String path = request.getPath();
    switch (path) {
      case "/four-oh-four":
        return HttpResponse.notFound();
      case "/five-hundred":
        throw new IllegalStateException("the application failed");
      default:
        MutableHttpResponse<String> response =
            HttpResponse.ok(request.getMethodName() + " " + path).contentType(MediaType.TEXT_PLAIN);
        if (path.equals("/vary")) {
          response.header("Vary", "Accept-Encoding");
        }
        return response;
    }
  }
}
