/**
 * Access: who may call the API and how often. API keys and the caller they stand for, the admin
 * token, and rate limits; every other component's resources rely on it.
 */
package dev.paygate.access;
