# The gateway on Payara Micro, the same files as `mvn -Prun package` (docs/servers.md, Docker).
#   docker build -t paygate .
# Behind a proxy that re-signs HTTPS, give its certificate authorities (PEM) to both stages:
#   docker build --build-arg EXTRA_CA_CERTS="$(cat /usr/local/share/ca-certificates/*.crt)" -t paygate .

# Build: the WAR plus the runtime pieces the build gathers in target/payara (Payara Micro, the
# ActiveMQ resource adapter, the PostgreSQL driver, Hibernate and its libraries).
FROM maven:3.9-eclipse-temurin-17 AS build
ARG EXTRA_CA_CERTS=
COPY docker/trust-ca.sh /usr/local/bin/paygate-trust-ca
RUN paygate-trust-ca
WORKDIR /src
COPY pom.xml .
# Everything the package step downloads, in a layer of its own that only a change of pom.xml
# rebuilds: the plugins and libraries, and the runtime pieces gathered into target/payara. A
# package of the pom alone resolves what the real one needs (dependency:go-offline misses some),
# and the real one below runs offline, so a layer that missed something fails the build.
RUN mkdir -p src/main/webapp \
 && mvn -B -q package -DskipTests \
 && rm -rf src target/classes target/paygate target/paygate.war
COPY src/main src/main
COPY server-config server-config
RUN mvn -B -q -o package -DskipTests

# Run: the same start script and post-boot files as `mvn -Prun package`.
FROM eclipse-temurin:17-jre
ARG EXTRA_CA_CERTS=
COPY docker/trust-ca.sh /usr/local/bin/paygate-trust-ca
RUN paygate-trust-ca
# A fixed uid, so that a host directory mounted as the data directory can be given to it
# (chown 10001 DIR). Its home is not the data volume: nothing of the user's lands in the data.
RUN groupadd --system --gid 10001 paygate \
 && useradd --system --uid 10001 --gid paygate --home-dir /home/paygate --create-home paygate \
 && mkdir -p /var/lib/paygate \
 && chown paygate:paygate /var/lib/paygate
WORKDIR /opt/paygate
COPY --from=build /src/target/payara target/payara
COPY --from=build /src/target/paygate.war target/paygate.war
COPY server-config server-config
# The class-data archive, so that the first start of every container is fast too: one start on a
# throw-away embedded database, stopped, writes it beside the runtime.
RUN bash server-config/payara-micro/record-cds.sh
ENV PAYGATE_DATA_DIR=/var/lib/paygate \
    PAYGATE_PORT=8080
USER paygate
VOLUME /var/lib/paygate
EXPOSE 8080
# Ready means the database and the broker answer; through bash, the image has no curl.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", ". server-config/payara-micro/http-status.sh && [ \"$(http_status \"$PAYGATE_PORT\" GET /health/ready)\" = 200 ]"]
CMD ["bash", "server-config/payara-micro/start.sh"]
