# syntax=docker/dockerfile:1

# Build stage: the Maven wrapper builds the jar, then Spring Boot's tools jar mode splits it
# into layers, so a code change rebuilds only the small application layer of the image. The
# layers hold stoker.jar and lib/*.jar rather than loose classes, which is what class data
# sharing (below) can archive.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
# Wrapper and pom first: the dependency download stays cached until the pom changes.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
# The tests run in CI (they need PostgreSQL and ignition-validate); the image only packages.
# -Paot: Spring's ahead-of-time processing, which the entry point turns on (spring.aot.enabled).
RUN ./mvnw -B -q package -DskipTests -Paot \
	&& cp target/stoker-*.jar stoker.jar \
	&& java -Djarmode=tools -jar stoker.jar extract --layers --destination extracted

# Runtime stage: a JRE and the four layers, least to most often changed.
FROM eclipse-temurin:17-jre
# A fixed numeric UID, so Kubernetes can verify runAsNonRoot without a passwd lookup.
RUN groupadd --system --gid 10001 stoker \
	&& useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/stoker --no-create-home stoker \
	&& mkdir -p /var/lib/stoker \
	&& chown 10001:10001 /var/lib/stoker
WORKDIR /opt/stoker
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# Class data sharing: a training run starts the application on a throwaway embedded database
# and exits once its context is refreshed (spring.context.exit=onRefresh), and the JVM archives
# the classes it loaded. With the ahead-of-time processed context, starting from the archive takes
# about 60% less time than java -jar (docs/performance.md).
# The training run generates its own admin token and master key into the throwaway directory,
# which is removed: nothing of it stays in the image but the archive of classes.
RUN java -XX:ArchiveClassesAtExit=stoker.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -Dspring.aot.enabled=true \
		-Dspring.context.exit=onRefresh \
		-jar stoker.jar --stoker.data-dir=/tmp/cds-training --logging.level.root=warn \
	&& rm -rf /tmp/cds-training
# Local state (embedded database, generated admin token and master key) lives on a volume,
# never in the image; in production the database is PostgreSQL and the secrets come from
# the environment at run time.
ENV STOKER_DATADIR=/var/lib/stoker
VOLUME /var/lib/stoker
USER 10001:10001
EXPOSE 8080
# Exec form: java is PID 1 and gets SIGTERM, so graceful shutdown finishes open requests.
# Health is for the orchestrator to probe (/actuator/health/liveness and /readiness).
ENTRYPOINT ["java", "-XX:SharedArchiveFile=stoker.jsa", "-Dspring.aot.enabled=true", "-jar", "stoker.jar"]
