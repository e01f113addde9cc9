// Power-of-two real FFT for the watermark (engine/src/generate/watermark.cpp), internal.
// A real transform of n samples is done as one complex radix-2 transform of n/2 points (even
// samples as real parts, odd as imaginary) plus a split step; double precision because the
// detector correlates ~1 dB magnitude changes over tens of thousands of bins.
#pragma once
#include <complex>
#include <vector>

namespace csm::watermark_detail {

class Fft {
 public:
  explicit Fft(int n);  // n: a power of two >= 4, else std::invalid_argument
  int size() const { return n_; }

  // Real input (n samples) -> bins 0..n/2 (n/2 + 1 values), unnormalised:
  // X[k] = sum_t x[t] e^{-2 pi i k t / n}.
  std::vector<std::complex<double>> forward_real(const std::vector<double>& x) const;
  // Bins 0..n/2 of a real signal's spectrum -> n real samples, with the 1/n factor, so
  // inverse_real(forward_real(x)) == x (Hermitian symmetry implied; imaginary parts of bins 0
  // and n/2 are ignored).
  std::vector<double> inverse_real(const std::vector<std::complex<double>>& half) const;

 private:
  void transform(std::vector<std::complex<double>>& x, bool inverse) const;  // n/2 points, unnormalised
  int n_, m_;                                  // m_ = n_ / 2
  std::vector<std::complex<double>> twiddle_;  // e^{-2 pi i k / m}, k < m/2
  std::vector<std::complex<double>> split_;    // e^{-2 pi i k / n}, k <= m
  std::vector<int> bitrev_;
};

}  // namespace csm::watermark_detail
