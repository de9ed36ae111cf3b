# Build: the Maven wrapper and a JDK 17 are all that is needed.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

# Run: the application jar plus the analysts' folders, deployed at start-up.
FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --home /app ispflow && mkdir -p /app/data && chown ispflow /app/data
COPY --from=build /src/target/ispflow-*.jar /app/ispflow.jar
COPY processes /app/processes
COPY dmn /app/dmn
COPY forms /app/forms
COPY jvm.options /app/jvm.options
ENV ISP_PLATFORM_MODELS_BASE_DIR=/app
USER ispflow
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD wget -qO- http://localhost:8080/actuator/health/readiness || exit 1
# JVM options of the default run (jvm.options); JAVA_OPTS adds to them or overrides them (docker run -e);
# arguments after the image name still reach the application
ENV JAVA_OPTS=""
ENTRYPOINT ["sh", "-c", "exec java @/app/jvm.options $JAVA_OPTS -jar /app/ispflow.jar \"$@\"", "ispflow"]
