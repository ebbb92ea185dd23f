package example;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
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

/** A products API behind HTTP Basic. Its CORS is in application.yml; no CORS code here. */
@SpringBootApplication
public class Application {
  public static void main(String[] args) {
    SpringApplication.run(Application.class, args);
  }

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    // No http.cors(): jcors runs before this chain, answers preflights and keeps the CORS
    // headers on the 401s this chain sends.
    return http.authorizeHttpRequests(
            requests -> requests.requestMatchers("/error").permitAll().anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @RestController
  static class Products {
    @GetMapping("/api/products")
    ResponseEntity<List<Map<String, Object>>> list() {
      return ResponseEntity.ok()
          .header("X-Total-Count", "1")
          .body(List.of(Map.of("id", 1, "name", "Lamp")));
    }

    @PutMapping("/api/products/{id}")
    Map<String, Object> update(@PathVariable("id") int id) {
      return Map.of("id", id, "updated", true);
    }
  }
}
