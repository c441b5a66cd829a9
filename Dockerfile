# The service's image: built from source in a first stage, run as a non-root user on a JRE in the second.
#   docker build -t critical-minerals-graph .            (or: docker compose up --build, see docker-compose.yml)
#   docker run -p 127.0.0.1:8080:8080 -v cmg-data:/data --memory 3g -e CMG_API_KEYS=… critical-minerals-graph
# Written and reviewed, never built: the development and CI machines of this project have no Docker engine.

# --- build: the Maven wrapper, with the dependencies in a layer of their own ---------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
# pom and wrapper first: this layer (Maven and ~/.m2) is rebuilt only when the pom changes, not with every source edit
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline
COPY src/main src/main
COPY graphql graphql
COPY cypher cypher
COPY knowledge-base knowledge-base
# no -o: whatever go-offline did not foresee (a plugin's own dependencies) is fetched here
RUN ./mvnw -B -q package -Dmaven.test.skip=true && cp target/critical-minerals-graph-*.jar /build/app.jar

# --- run ------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre
# curl for the health check
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 cmg && useradd --system --uid 10001 --gid cmg --create-home --home-dir /home/cmg --shell /usr/sbin/nologin cmg \
    && mkdir -p /data && chown cmg:cmg /data
WORKDIR /app
COPY --from=build /build/app.jar /app/app.jar
USER 10001:10001
# Inside a container the service must listen beyond loopback; publish the port deliberately (127.0.0.1:8080:8080).
# Bolt (embedded mode) stays on loopback unless CMG_BOLT_ADDRESS=0.0.0.0 is given as well.
# The embedded store goes to /data: mount a volume there (a new named volume takes /data's owner, the cmg user).
# Memory: the heap takes half of the container's limit; the embedded page cache at most half of the rest (it is
# sized from the store, docs/reliability.md "Operators' view"); the last quarter is the JVM's own native memory
# (metaspace, code, threads, buffers). Out of memory: exit and let the container be restarted, rather than limp
# on. The java launcher reads JDK_JAVA_OPTIONS (it says so on stderr); override the whole line with -e.
ENV CMG_HTTP_ADDRESS=0.0.0.0 \
    CMG_DATA_DIR=/data \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=50 -XX:InitialRAMPercentage=25 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080 7687
# Readiness, not liveness: healthy only once the knowledge base is loaded (503 until then and while stopping).
# The first start of an embedded store loads the knowledge base, hence the long start period.
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=4 \
    CMD curl -fsS -o /dev/null "http://localhost:${PORT:-8080}/actuator/health/readiness" || exit 1
# exec form: java is PID 1 and gets the SIGTERM of docker stop (graceful shutdown, the database closed cleanly)
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
