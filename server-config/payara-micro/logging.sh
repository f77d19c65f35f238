#!/usr/bin/env bash
# Writes the logging configuration that start.sh gives Payara Micro: OUT.properties for the
# server's java.util.logging (--logproperties) and OUT.log4j2.properties for the libraries that
# log through Log4j 2 (the ActiveMQ resource adapter carries it; Flyway finds it), from:
#   PAYGATE_LOG_FORMAT        text (default): one line per record (time, level, logger, message),
#                             no colour codes; json: one JSON object per line, for log collectors
#   PAYGATE_LOG_LEVEL         the gateway's own loggers (dev.paygate): INFO by default
#   PAYGATE_SERVER_LOG_LEVEL  everything else (Payara Micro, Hibernate, ActiveMQ, Flyway): WARNING
#                             by default, and then without the warnings that say nothing to a user
#                             of the gateway (below), so a start shows the gateway's own lines and
#                             real problems; INFO shows the server's start-up in full
#
#   logging.sh OUT
set -euo pipefail
out=$1
format=${PAYGATE_LOG_FORMAT:-text}
level=${PAYGATE_LOG_LEVEL:-INFO}
server_level=${PAYGATE_SERVER_LOG_LEVEL:-WARNING}

# log4j_level LEVEL: the Log4j 2 level of a java.util.logging one.
log4j_level() {
  case $1 in
    OFF) echo OFF ;;
    SEVERE) echo ERROR ;;
    WARNING) echo WARN ;;
    INFO) echo INFO ;;
    CONFIG | FINE) echo DEBUG ;;
    FINER | FINEST | ALL) echo TRACE ;;
    *)
      echo "paygate: log levels are OFF, SEVERE, WARNING, INFO, CONFIG, FINE, FINER, FINEST or ALL, not '$1'" >&2
      return 1
      ;;
  esac
}
log4j_level "$level" > /dev/null
log4j_server_level=$(log4j_level "$server_level")

case $format in
  text)
    formatter=java.util.logging.SimpleFormatter
    log4j_pattern='%d{yyyy-MM-dd HH:mm:ss.SSS} %p %c: %m%n'
    ;;
  json)
    formatter=fish.payara.enterprise.server.logging.JSONLogFormatter
    # The same fields as Payara's JSON lines.
    log4j_pattern='{"Timestamp":"%d{yyyy-MM-dd'"'"'T'"'"'HH:mm:ss.SSSZ}","Level":"%p","LoggerName":"%enc{%c}{JSON}","ThreadName":"%enc{%t}{JSON}","LogMessage":"%enc{%m}{JSON}"%notEmpty{,"Throwable":"%enc{%throwable}{JSON}"}}%n%throwable{none}'
    ;;
  *)
    echo "paygate: PAYGATE_LOG_FORMAT is text or json, not '$format'" >&2
    exit 1
    ;;
esac

{
  echo "handlers=java.util.logging.ConsoleHandler"
  echo "java.util.logging.ConsoleHandler.level=ALL"
  echo "java.util.logging.ConsoleHandler.formatter=$formatter"
  echo "java.util.logging.SimpleFormatter.format=%1\$tF %1\$tT.%1\$tL %4\$s %3\$s: %5\$s%6\$s%n"
  echo ".level=$server_level"
  # Payara sets some of its loggers to INFO itself; they follow the setting too.
  echo "jakarta.enterprise.web.level=$server_level"
  echo "dev.paygate.level=$level"
  if [ "$server_level" = WARNING ]; then
    # Warnings of every start that a user cannot act on: the expired certificates in Payara's own
    # trust store (the gateway makes no TLS connections through it), a deployment notice without
    # text, the ActiveMQ adapter's properties Payara has no setter for, Hibernate's deprecations,
    # and Payara Micro's runtime directory in /tmp.
    echo "javax.enterprise.system.security.ssl.level=SEVERE"
    echo "javax.enterprise.system.tools.deployment.dol.level=SEVERE"
    echo "javax.enterprise.resource.resourceadapter.com.sun.enterprise.connectors.util.level=SEVERE"
    echo "org.hibernate.orm.deprecation.level=SEVERE"
    echo "PayaraMicro.level=SEVERE"
  fi
} > "$out.properties"

{
  echo "rootLogger.level=$log4j_server_level"
  echo "rootLogger.appenderRef.console.ref=Console"
  echo "appender.console.type=Console"
  echo "appender.console.name=Console"
  echo "appender.console.layout.type=PatternLayout"
  echo "appender.console.layout.pattern=$log4j_pattern"
  if [ "$server_level" = WARNING ]; then
    # The embedded broker's sizes adjusted to the JVM's memory and the disk: expected, every start.
    echo "logger.broker.name=org.apache.activemq.broker.BrokerService"
    echo "logger.broker.level=ERROR"
  fi
} > "$out.log4j2.properties"
