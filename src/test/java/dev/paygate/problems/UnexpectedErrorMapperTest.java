package dev.paygate.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which unexpected failures are an unreachable database (a 503 with retry advice) rather than a 500. */
class UnexpectedErrorMapperTest {

    @Test
    void aBrokenConnectionDeepInTheChainIsTheDatabaseBeingUnreachable() {
        // As Hibernate passes on a connection the server closed: SQLSTATE 08003.
        assertTrue(UnexpectedErrorMapper.databaseUnreachable(new IllegalStateException("query failed",
                new RuntimeException(new SQLException("This connection has been closed.", "08003")))));
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
    void otherFailuresAreNot() {
        assertFalse(UnexpectedErrorMapper.databaseUnreachable(new IllegalStateException("a bug")));
        assertFalse(UnexpectedErrorMapper.databaseUnreachable(new RuntimeException(new SQLException("duplicate key", "23505"))));
        // A connector failure outside JDBC, such as the broker's pool, is not the database's.
        assertFalse(UnexpectedErrorMapper.databaseUnreachable(new RuntimeException(new ResourceAllocationException("no broker"))));
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
}
