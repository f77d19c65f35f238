package dev.paygate.refunds.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import dev.paygate.platform.JsonRequests;

/**
 * Queues a refund for the acquirer. The message joins the caller's transaction: it is delivered
 * only if the refund row commits, and the refund row only commits if the message is queued.
 */
@Stateless
public class RefundRequests {

    public static final String REFUND_ID = "refund_id";

    @Resource(name = "jms/gatewayCF")
    ConnectionFactory connectionFactory;

    @Resource(name = "jms/RefundQueue")
    Queue queue;

    public void send(String refundId) {
        String body = JsonRequests.JSON.createObjectBuilder().add(REFUND_ID, refundId).build().toString();
        // The JMS 1.1 API: the ActiveMQ resource adapter does not support createContext().
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(queue)) {
            producer.send(session.createTextMessage(body));
        } catch (JMSException e) {
            throw new IllegalStateException("could not queue refund " + refundId, e);
        }
    }
}
