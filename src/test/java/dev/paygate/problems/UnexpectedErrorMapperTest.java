package dev.paygate.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

/** Which unexpected failures are an unreachable database (a 503 with retry advice) rather than a 500. */
class UnexpectedErrorMapperTest {

    @Test
    void aBrokenConnectionDeepInTheChainIsTheDatabaseBeingUnreachable() {
        // As Hibernate passes on a connection the server closed: SQLSTATE 08003.
        assertTrue(UnexpectedErrorMapper.databaseUnreachable(new IllegalStateException(
                "query failed", new RuntimeException(new SQLException("This connection has been closed.", "08003")))));
        SQLException chained = new SQLException("batch failed", "XX000");
        chained.setNextException(new SQLException("I/O error", "08006"));
        assertTrue(UnexpectedErrorMapper.databaseUnreachable(chained));
    }

    @Test
    void aPoolThatCannotAllocateAConnectionIsTheDatabaseBeingUnreachable() {
        assertTrue(UnexpectedErrorMapper.databaseUnreachable(new RuntimeException(new SQLException(
                "Error in allocating a connection", new ResourceAllocationException("not accepting connections")))));
    }

    @Test
    void aConnectionRefusedOnOpenLibertyIsTheDatabaseBeingUnreachable() {
        // As Open Liberty passes on a database closed to connections: no pool exception, only the
        // driver's refusal, copied into a plain SQLException under Hibernate's.
        SQLException refused = new SQLException(
                "FATAL: database \"paygate\" is not currently accepting connections "
                        + "DSRA0010E: SQL State = 55000, Error Code = 0",
                "55000",
                0);
        assertTrue(UnexpectedErrorMapper.databaseUnreachable(new EJBException(
                "See nested exception; nested exception is: "
                        + "org.hibernate.exception.GenericJDBCException: Unable to acquire JDBC Connection",
                new GenericJDBCException("Unable to acquire JDBC Connection", refused))));
    }

    @Test
    void aDatabaseStartingUpFullOrEndingSessionsIsUnreachable() {
        for (String state : new String[] {"57P03", "53300", "57P01", "57P02"}) {
            assertTrue(
                    UnexpectedErrorMapper.databaseUnreachable(new RuntimeException(new SQLException("FATAL", state))),
                    state);
        }
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(UnexpectedErrorMapper.databaseUnreachable(new IllegalStateException("a bug")));
        assertFalse(UnexpectedErrorMapper.databaseUnreachable(
                new RuntimeException(new SQLException("duplicate key", "23505"))));
        // A statement cancelled by its timeout or a lock not granted: the session is still there.
        assertFalse(UnexpectedErrorMapper.databaseUnreachable(
                new RuntimeException(new SQLException("canceling statement", "57014"))));
        assertFalse(UnexpectedErrorMapper.databaseUnreachable(
                new RuntimeException(new SQLException("could not obtain lock", "55P03"))));
        // A connector failure outside JDBC, such as the broker's pool, is not the database's.
        assertFalse(UnexpectedErrorMapper.databaseUnreachable(
                new RuntimeException(new ResourceAllocationException("no broker"))));
    }

    @Test
    void anErrorMappedTwiceKeepsItsFirstReference() {
        // Payara's mapper for EJB exceptions asks this mapper twice about one error.
        IllegalStateException error = new IllegalStateException("a bug");
        UnexpectedErrorMapper.Reference first = UnexpectedErrorMapper.referenceFor(error);
        UnexpectedErrorMapper.Reference again = UnexpectedErrorMapper.referenceFor(error);
        assertTrue(first.first());
        assertFalse(again.first());
        assertEquals(first.id(), again.id());
        UnexpectedErrorMapper.Reference other = UnexpectedErrorMapper.referenceFor(new IllegalStateException("a bug"));
        assertTrue(other.first());
        assertNotEquals(first.id(), other.id());
    }

    @Test
    void aLostRaceOnAnObjectsVersionIsAConflictToRetryNotAFault() {
        // As an EJB passes on a commit that found the row changed by another request.
        assertTrue(UnexpectedErrorMapper.concurrentUpdate(new EJBException(
                new jakarta.persistence.RollbackException(new jakarta.persistence.OptimisticLockException(
                        "Row was updated or deleted by another transaction")))));
        assertTrue(UnexpectedErrorMapper.concurrentUpdate(
                new RuntimeException(new org.hibernate.StaleObjectStateException("Merchant", "m_1"))));
        assertFalse(UnexpectedErrorMapper.concurrentUpdate(new IllegalStateException("something else")));
    }

    @Test
    void aFiveHundredOfTheServersOwnIsLoggedUnderTheReferenceItsAnswerNames() {
        List<LogRecord> logged = new ArrayList<>();
        Logger log = Logger.getLogger(UnexpectedErrorMapper.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.addHandler(handler);
        try {
            ApiError thrown = UnexpectedErrorMapper.internalError(new IllegalStateException("in a filter"), "POST /x");
            ApiError bare = UnexpectedErrorMapper.internalError(null, "POST /y");
            for (ApiError answer : List.of(thrown, bare)) {
                assertEquals("api_error", answer.error().code());
                assertTrue(
                        answer.error().message().matches(".*\\(reference [0-9a-f-]{36}\\)\\."),
                        answer.error().message());
            }
            assertEquals(2, logged.size());
            String reference = thrown.error().message().replaceAll(".*reference ([0-9a-f-]+).*", "$1");
            assertTrue(
                    MessageFormat.format(
                                    logged.get(0).getMessage(), logged.get(0).getParameters())
                            .contains(reference),
                    "the log names the reference the answer gives");
            assertEquals(IllegalStateException.class, logged.get(0).getThrown().getClass());
            assertNotEquals(thrown.error().message(), bare.error().message());
        } finally {
            log.removeHandler(handler);
        }
    }
}
