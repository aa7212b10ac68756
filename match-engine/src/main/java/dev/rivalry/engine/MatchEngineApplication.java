package dev.rivalry.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MatchEngineApplication {

	public static void main(String[] args) {
		SpringApplication.run(MatchEngineApplication.class, args);
	}

}
