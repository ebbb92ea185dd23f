package io.jcors.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.constraints.Min;

/**
 * An application behind Micronaut Security: {@code /private} needs an authenticated user (there is
 * no way to log in, so it answers 401), {@code /open/*} is anonymous and validates or fails.
 */
@Controller
@Requires(property = "test.app", value = "secured")
class SecuredApi {
  @Get("/private")
  @Produces(MediaType.TEXT_PLAIN)
  String secret() {
    return "secret";
  }

  @Get("/open/count")
  @Produces(MediaType.TEXT_PLAIN)
  String count(@QueryValue @Min(1) int n) {
    return "count " + n;
  }

  @Get("/open/boom")
  @Produces(MediaType.TEXT_PLAIN)
  String boom() {
    throw new IllegalStateException("the application failed");
  }

  @Get("/open/hello")
  @Produces(MediaType.TEXT_PLAIN)
  String hello() {
    return "hello";
  }
}
