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
ENV ISP_PLATFORM_MODELS_BASE_DIR=/app
USER ispflow
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD wget -qO- http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/app/ispflow.jar"]
