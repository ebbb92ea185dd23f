package io.jcors.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/** docs/micronaut.md's controller, as written there; run by {@link MicronautDocsTest}. */
@Requires(property = "test.app", value = "docs")
@Controller("/products")
class ProductsController {
  @Get
  @Produces(MediaType.TEXT_PLAIN)
  String list() {
    return "lamp, desk";
  }
}
