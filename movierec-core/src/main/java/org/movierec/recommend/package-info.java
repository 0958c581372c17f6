/**
 * Recommenders: requests, results, and the embedding recommender that searches a model's movie vectors with a user's
 * vector. {@link org.movierec.recommend.ModelIndex} ties a model directory to its vector index.
 */
package org.movierec.recommend;
