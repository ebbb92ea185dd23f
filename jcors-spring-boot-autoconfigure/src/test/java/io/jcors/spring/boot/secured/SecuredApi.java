package io.jcors.spring.boot.secured;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * An API as a Boot application writes it: Spring MVC behind Spring Security with HTTP Basic, and no
 * CORS configuration of its own; the jcors starter is on the class path.
 */
@SpringBootApplication
public class SecuredApi {
  /** Every request needs a user, the error page aside; HTTP Basic; no sessions, no CSRF. */
  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            requests -> requests.requestMatchers("/error").permitAll().anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /** The controller. */
  @RestController
  static class Products {
    @GetMapping("/api/products")
    ResponseEntity<Map<String, Object>> list() {
      return ResponseEntity.ok().header("X-Total-Count", "1").body(Map.of("id", 1));
    }

    @PutMapping("/api/products/{id}")
    Map<String, Object> put(@PathVariable("id") int id) {
      return Map.of("id", id);
    }

    @GetMapping("/api/boom")
    Map<String, Object> boom() {
      throw new IllegalStateException("the controller failed");
    }

    @GetMapping("/api/callable")
    Callable<Map<String, Object>> callable() {
      return () -> Map.of("async", "callable");
    }

    @GetMapping("/api/deferred")
    DeferredResult<Map<String, Object>> deferred() {
      DeferredResult<Map<String, Object>> result = new DeferredResult<>(5_000L);
      CompletableFuture.runAsync(() -> result.setResult(Map.of("async", "deferred")));
      return result;
    }
  }
}
