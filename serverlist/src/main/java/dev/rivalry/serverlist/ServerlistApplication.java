package dev.rivalry.serverlist;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ServerlistApplication {

	public static void main(String[] args) {
		SpringApplication.run(ServerlistApplication.class, args);
	}

}
