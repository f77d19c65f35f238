package dev.paygate.refunds.control;

import dev.paygate.platform.JsonRequests;
import dev.paygate.problems.ServiceUnavailable;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Queues a refund for the acquirer. The message joins the caller's transaction: it is delivered
 * only if the refund row commits, and the refund row only commits if the message is queued. With
 * the broker unreachable the refund is answered 503 and nothing is kept.
 */
@Stateless
public class RefundRequests {

    private static final Logger LOG = Logger.getLogger(RefundRequests.class.getName());

    public static final String REFUND_ID = "refund_id";

    @Resource(name = "jms/gatewayCF")
    ConnectionFactory connectionFactory;

    @Resource(name = "jms/RefundQueue")
    Queue queue;

    public void send(String refundId) {
        String body = JsonRequests.JSON
                .createObjectBuilder()
                .add(REFUND_ID, refundId)
                .build()
                .toString();
        // The JMS 1.1 API: the ActiveMQ resource adapter does not support createContext().
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(queue)) {
            producer.send(session.createTextMessage(body));
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "could not queue refund " + refundId + ": the broker is unreachable", e);
            throw new ServiceUnavailable(
                    "broker_unavailable",
                    "The gateway's message broker is unreachable, so the refund was not accepted and nothing "
                            + "was changed. Retry after the time in the Retry-After header.");
        }
    }
}
