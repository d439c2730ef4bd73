package org.policyarchive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PolicyArchiveApplication {

    public static void main(String[] args) {
        SpringApplication.run(PolicyArchiveApplication.class, args);
    }
}
