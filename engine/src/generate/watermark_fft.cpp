// Radix-2 decimation-in-time FFT with the real-input split (see watermark_fft.h).
#include "generate/watermark_fft.h"

#include <cmath>
#include <stdexcept>
#include <utility>

namespace csm::watermark_detail {

using cd = std::complex<double>;

Fft::Fft(int n) : n_(n), m_(n / 2) {
  if (n < 4 || (n & (n - 1)) != 0) throw std::invalid_argument("Fft: size must be a power of two >= 4");
  const double pi = std::acos(-1.0);
  twiddle_.resize(static_cast<size_t>(m_ / 2));
  for (int k = 0; k < m_ / 2; ++k) twiddle_[k] = std::polar(1.0, -2.0 * pi * k / m_);
  split_.resize(static_cast<size_t>(m_ + 1));
  for (int k = 0; k <= m_; ++k) split_[k] = std::polar(1.0, -2.0 * pi * k / n_);
  int bits = 0;
  while ((1 << bits) < m_) ++bits;
  bitrev_.resize(static_cast<size_t>(m_));
  for (int i = 0; i < m_; ++i) {
    int r = 0;
    for (int b = 0; b < bits; ++b) r |= ((i >> b) & 1) << (bits - 1 - b);
    bitrev_[i] = r;
  }
}

void Fft::transform(std::vector<cd>& x, bool inverse) const {
  for (int i = 0; i < m_; ++i)
    if (i < bitrev_[i]) std::swap(x[i], x[bitrev_[i]]);
  for (int len = 2; len <= m_; len <<= 1) {
    const int half = len / 2, step = m_ / len;
    for (int start = 0; start < m_; start += len) {
      for (int j = 0; j < half; ++j) {
        cd w = twiddle_[static_cast<size_t>(j * step)];
        if (inverse) w = std::conj(w);
        const cd a = x[start + j], b = x[start + j + half] * w;
        x[start + j] = a + b;
        x[start + j + half] = a - b;
      }
    }
  }
}

std::vector<cd> Fft::forward_real(const std::vector<double>& x) const {
  if (static_cast<int>(x.size()) != n_) throw std::invalid_argument("Fft: input length differs from the FFT size");
  std::vector<cd> z(static_cast<size_t>(m_));
  for (int i = 0; i < m_; ++i) z[i] = cd(x[2 * i], x[2 * i + 1]);
  transform(z, false);
  // Even and odd samples' spectra from Z, then X[k] = E[k] + e^{-2 pi i k / n} O[k].
  std::vector<cd> out(static_cast<size_t>(m_ + 1));
  for (int k = 0; k <= m_; ++k) {
    const cd a = z[k % m_], b = std::conj(z[(m_ - k) % m_]);
    const cd even = 0.5 * (a + b), odd = cd(0.0, -0.5) * (a - b);
    out[k] = even + split_[k] * odd;
  }
  return out;
}

std::vector<double> Fft::inverse_real(const std::vector<cd>& half) const {
  if (static_cast<int>(half.size()) != m_ + 1) throw std::invalid_argument("Fft: expected n/2 + 1 bins");
  std::vector<cd> X(half);
  X[0] = X[0].real();
  X[m_] = X[m_].real();
  std::vector<cd> z(static_cast<size_t>(m_));
  for (int k = 0; k < m_; ++k) {
    const cd a = X[k], b = std::conj(X[m_ - k]);
    const cd even = 0.5 * (a + b), odd = 0.5 * (a - b) * std::conj(split_[k]);
    z[k] = even + cd(0.0, 1.0) * odd;
  }
  transform(z, true);
  std::vector<double> out(static_cast<size_t>(n_));
  for (int i = 0; i < m_; ++i) {
    out[2 * i] = z[i].real() / m_;
    out[2 * i + 1] = z[i].imag() / m_;
  }
  return out;
}

}  // namespace csm::watermark_detail
