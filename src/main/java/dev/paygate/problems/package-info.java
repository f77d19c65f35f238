/** The one JSON error shape, and the mappers that turn every failure into it. */
package dev.paygate.problems;
