# Build: the WAR plus the runtime pieces the build gathers in target/payara (Payara Micro, the
# ActiveMQ resource adapter, the PostgreSQL driver, Hibernate and its libraries).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline || true
COPY src src
COPY server-config server-config
RUN mvn -B -q package -DskipTests

# Run: the same start script and post-boot files as `mvn -Prun package`.
FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /var/lib/paygate paygate
WORKDIR /opt/paygate
COPY --from=build /src/target/payara target/payara
COPY --from=build /src/target/paygate.war target/paygate.war
COPY server-config server-config
# The class-data archive, so that the first start of every container is fast too: one start on a
# throw-away embedded database, stopped, writes it beside the runtime. Should it fail, containers
# record one in their data volume instead.
RUN bash server-config/payara-micro/record-cds.sh || echo "no class-data archive in the image"
ENV PAYGATE_DATA_DIR=/var/lib/paygate \
    PAYGATE_PORT=8080
USER paygate
VOLUME /var/lib/paygate
EXPOSE 8080
CMD ["bash", "server-config/payara-micro/start.sh"]
