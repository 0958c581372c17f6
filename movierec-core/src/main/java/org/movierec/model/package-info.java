/**
 * The learned fusion model in plain Java: its shape, weights, input features, forward pass and files. Training lives
 * elsewhere ({@code movierec-train}); nothing here needs a deep-learning runtime, so serving loads in milliseconds.
 */
package org.movierec.model;
