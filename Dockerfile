# The service image for docker-compose (server mode). Build the jar first: ./mvnw -B package -DskipTests
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY target/critical-minerals-graph-*.jar app.jar
# inside a container the service must listen beyond loopback; publish the port deliberately
ENV CMG_HTTP_ADDRESS=0.0.0.0
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
