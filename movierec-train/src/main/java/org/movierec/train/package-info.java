/**
 * Training the fusion model with DJL (PyTorch engine, native libraries from Maven, offline). DJL stays inside this
 * package: {@link org.movierec.train.FusionTrainer} hands back a plain-Java {@link org.movierec.model.FusionModel}.
 */
package org.movierec.train;
