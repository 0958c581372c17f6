/**
 * What a server receives while serving (users, movies and ratings added through the API), stored durably in a
 * database: {@link org.movierec.feedback.FeedbackStore}, one JDBC implementation for SQLite (embedded) and PostgreSQL
 * (shared by several servers), with a versioned schema. Training reads it back so that the loop serve, collect,
 * retrain is closed.
 */
package org.movierec.feedback;
