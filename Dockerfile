# Builds the archive's jar and runs it on a JRE. Used by docker-compose.yml for production.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /var/lib/policy-archive --create-home archive
WORKDIR /app
COPY --from=build /src/target/policy-archive-*.jar app.jar
USER archive
# The search index lives here; PostgreSQL is the system of record and runs in its own container.
ENV ARCHIVE_DATA_DIR=/var/lib/policy-archive
VOLUME /var/lib/policy-archive
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
