package dev.rivalry.operator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Kubernetes operator: MatchProfile resources become ticket topics, engine Deployments
 * and the matchmakers' profiles ConfigMap (docs/kubernetes.md). Serves only its actuator.
 */
@SpringBootApplication
public class OperatorApplication {

	public static void main(String[] args) {
		SpringApplication.run(OperatorApplication.class, args);
	}

}
