;; IR shape of each SIMD (v128) instruction family at -O0: one function per
;; family (OpFamilies.def), checked for the LLVM operations that give it its
;; Wasm semantics. Results are also checked by the spec suite (simd_*.wast).
;; (Guest loads are volatile at -O0 with guard pages: memory.wat.)
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O0 %t.wasm -o - | FileCheck %s
(module
  (memory 1)
  ;; v128 loads and stores are unaligned <2 x i64> accesses at base + zext(addr) + offset.
  ;; CHECK-LABEL: define internal {{.*}} @load.wasm(
  ;; CHECK: %[[A:[0-9]+]] = add nuw i64 %{{[0-9]+}}, 16
  ;; CHECK: getelementptr inbounds i8, ptr @w2b_fixed_memory_base, i64 %[[A]]
  ;; CHECK: load volatile <2 x i64>, ptr %{{[0-9]+}}, align 1
  (func (export "load") (param i32) (result v128) (v128.load offset=16 (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @store.wasm(
  ;; CHECK: store <2 x i64> %{{[0-9]+}}, ptr %{{[0-9]+}}, align 1
  (func (export "store") (param i32 v128) (v128.store (local.get 0) (local.get 1)))
  ;; All v128 values travel as <2 x i64>; each family bitcasts to its lane shape.
  ;; CHECK-LABEL: define internal {{.*}} @const.wasm(
  ;; CHECK: <2 x i64> [ <i64 8589934593, i64 17179869187>
  (func (export "const") (result v128) (v128.const i32x4 1 2 3 4))
  ;; load8x8_s: 8 bytes, each sign-extended to 16 bits.
  ;; CHECK-LABEL: define internal {{.*}} @load_extend.wasm(
  ;; CHECK: load volatile <8 x i8>, ptr
  ;; CHECK: sext <8 x i8> %{{[0-9]+}} to <8 x i16>
  (func (export "load_extend") (param i32) (result v128) (v128.load8x8_s (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @load_splat.wasm(
  ;; CHECK: load volatile i32, ptr %{{[0-9]+}}, align 1
  ;; CHECK: shufflevector <4 x i32> %.splatinsert, <4 x i32> poison, <4 x i32> zeroinitializer
  (func (export "load_splat") (param i32) (result v128) (v128.load32_splat (local.get 0)))
  ;; load64_zero: the loaded value in lane 0, zeros elsewhere.
  ;; CHECK-LABEL: define internal {{.*}} @load_zero.wasm(
  ;; CHECK: %[[V:[0-9]+]] = load volatile i64, ptr %{{[0-9]+}}, align 1
  ;; CHECK: insertelement <2 x i64> zeroinitializer, i64 %[[V]], i64 0
  (func (export "load_zero") (param i32) (result v128) (v128.load64_zero (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @load_lane.wasm(
  ;; CHECK: %[[V:[0-9]+]] = load volatile i16, ptr %{{[0-9]+}}, align 1
  ;; CHECK: insertelement <8 x i16> %{{[0-9]+}}, i16 %[[V]], i64 3
  (func (export "load_lane") (param i32 v128) (result v128) (v128.load16_lane 3 (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal {{.*}} @store_lane.wasm(
  ;; CHECK: %[[V:[0-9]+]] = extractelement <4 x i32> %{{[0-9]+}}, i64 2
  ;; CHECK: store i32 %[[V]], ptr %{{[0-9]+}}, align 1
  (func (export "store_lane") (param i32 v128) (v128.store32_lane 2 (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal {{.*}} @shuffle.wasm(
  ;; CHECK: shufflevector <16 x i8> %{{[0-9]+}}, <16 x i8> %{{[0-9]+}}, <16 x i32> <i32 0, i32 17, i32 2, i32 19, i32 4, i32 21, i32 6, i32 23, i32 8, i32 25, i32 10, i32 27, i32 12, i32 29, i32 14, i32 31>
  (func (export "shuffle") (param v128 v128) (result v128)
    (i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31 (local.get 0) (local.get 1)))
  ;; swizzle: lane i of the result is a[b[i]], or 0 when b[i] >= 16.
  ;; CHECK-LABEL: define internal {{.*}} @swizzle.wasm(
  ;; CHECK: %[[I:[0-9]+]] = extractelement <16 x i8> %{{[0-9]+}}, i64 0
  ;; CHECK: %[[M:[0-9]+]] = and i8 %[[I]], 15
  ;; CHECK: %[[L:[0-9]+]] = extractelement <16 x i8> %{{[0-9]+}}, i8 %[[M]]
  ;; CHECK: %[[IN:[0-9]+]] = icmp ult i8 %[[I]], 16
  ;; CHECK: select i1 %[[IN]], i8 %[[L]], i8 0
  (func (export "swizzle") (param v128 v128) (result v128) (i8x16.swizzle (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal {{.*}} @splat.wasm(
  ;; CHECK: trunc i32 %{{[0-9]+}} to i16
  ;; CHECK: shufflevector <8 x i16> %.splatinsert, <8 x i16> poison, <8 x i32> zeroinitializer
  (func (export "splat") (param i32) (result v128) (i16x8.splat (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @extract_lane.wasm(
  ;; CHECK: %[[L:[0-9]+]] = extractelement <16 x i8> %{{[0-9]+}}, i64 5
  ;; CHECK: sext i8 %[[L]] to i32
  (func (export "extract_lane") (param v128) (result i32) (i8x16.extract_lane_s 5 (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @replace_lane.wasm(
  ;; CHECK: insertelement <2 x double> %{{[0-9]+}}, double %{{[0-9]+}}, i64 1
  (func (export "replace_lane") (param v128 f64) (result v128) (f64x2.replace_lane 1 (local.get 0) (local.get 1)))
  ;; Comparisons give all-ones or all-zeros lanes (sext of the i1 mask); ne on floats is unordered.
  ;; CHECK-LABEL: define internal {{.*}} @compare.wasm(
  ;; CHECK: %[[C:[0-9]+]] = icmp ult <4 x i32> %{{[0-9]+}}, %{{[0-9]+}}
  ;; CHECK: sext <4 x i1> %[[C]] to <4 x i32>
  (func (export "compare") (param v128 v128) (result v128) (i32x4.lt_u (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal {{.*}} @fcompare.wasm(
  ;; CHECK: %[[C:[0-9]+]] = fcmp une <4 x float>
  ;; CHECK: sext <4 x i1> %[[C]] to <4 x i32>
  (func (export "fcompare") (param v128 v128) (result v128) (f32x4.ne (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal {{.*}} @not.wasm(
  ;; CHECK: xor <2 x i64> %{{[0-9]+}}, <i64 -1, i64 -1>
  (func (export "not") (param v128) (result v128) (v128.not (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @binary.wasm(
  ;; CHECK: mul <2 x i64>
  (func (export "binary") (param v128 v128) (result v128) (i64x2.mul (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal {{.*}} @fbinary.wasm(
  ;; CHECK: fdiv <2 x double>
  (func (export "fbinary") (param v128 v128) (result v128) (f64x2.div (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal {{.*}} @andnot.wasm(
  ;; CHECK: %[[N:[0-9]+]] = xor <2 x i64> %{{[0-9]+}}, <i64 -1, i64 -1>
  ;; CHECK: and <2 x i64> %{{[0-9]+}}, %[[N]]
  (func (export "andnot") (param v128 v128) (result v128) (v128.andnot (local.get 0) (local.get 1)))
  ;; bitselect(a, b, c) = (a & c) | (b & ~c).
  ;; CHECK-LABEL: define internal {{.*}} @bitselect.wasm(
  ;; CHECK: %[[T:[0-9]+]] = and <2 x i64> %[[A:[0-9]+]], %[[C:[0-9]+]]
  ;; CHECK: %[[NC:[0-9]+]] = xor <2 x i64> %[[C]], <i64 -1, i64 -1>
  ;; CHECK: %[[F:[0-9]+]] = and <2 x i64> %{{[0-9]+}}, %[[NC]]
  ;; CHECK: or <2 x i64> %[[T]], %[[F]]
  (func (export "bitselect") (param v128 v128 v128) (result v128) (v128.bitselect (local.get 0) (local.get 1) (local.get 2)))
  ;; CHECK-LABEL: define internal {{.*}} @any_true.wasm(
  ;; CHECK: %[[W:[0-9]+]] = bitcast <2 x i64> %{{[0-9]+}} to i128
  ;; CHECK: icmp ne i128 %[[W]], 0
  (func (export "any_true") (param v128) (result i32) (v128.any_true (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @all_true.wasm(
  ;; CHECK: %[[NZ:[0-9]+]] = icmp ne <4 x i32> %{{[0-9]+}}, zeroinitializer
  ;; CHECK: call i1 @llvm.vector.reduce.and.v4i1(<4 x i1> %[[NZ]])
  (func (export "all_true") (param v128) (result i32) (i32x4.all_true (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @bitmask.wasm(
  ;; CHECK: %[[S:[0-9]+]] = icmp slt <8 x i16> %{{[0-9]+}}, zeroinitializer
  ;; CHECK: bitcast <8 x i1> %[[S]] to i8
  (func (export "bitmask") (param v128) (result i32) (i16x8.bitmask (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @demote_zero.wasm(
  ;; CHECK: fptrunc <2 x double> %{{[0-9]+}} to <2 x float>
  ;; CHECK: shufflevector <2 x float> %{{[0-9]+}}, <2 x float> zeroinitializer, <4 x i32> <i32 0, i32 1, i32 2, i32 3>
  (func (export "demote_zero") (param v128) (result v128) (f32x4.demote_f64x2_zero (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @promote_low.wasm(
  ;; CHECK: shufflevector <4 x float> %{{[0-9]+}}, <4 x float> poison, <2 x i32> <i32 0, i32 1>
  ;; CHECK: fpext <2 x float> %{{[0-9]+}} to <2 x double>
  (func (export "promote_low") (param v128) (result v128) (f64x2.promote_low_f32x4 (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @unary_intrinsic.wasm(
  ;; CHECK: call <16 x i8> @llvm.ctpop.v16i8(
  (func (export "unary_intrinsic") (param v128) (result v128) (i8x16.popcnt (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @fsqrt.wasm(
  ;; CHECK: call <4 x float> @llvm.sqrt.v4f32(
  (func (export "fsqrt") (param v128) (result v128) (f32x4.sqrt (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @int_neg.wasm(
  ;; CHECK: sub <8 x i16> zeroinitializer, %{{[0-9]+}}
  (func (export "int_neg") (param v128) (result v128) (i16x8.neg (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @float_neg.wasm(
  ;; CHECK: fneg <2 x double>
  (func (export "float_neg") (param v128) (result v128) (f64x2.neg (local.get 0)))
  ;; narrow_i16x8_u: both inputs as one vector, clamped to [0, 255] as signed values, truncated.
  ;; CHECK-LABEL: define internal {{.*}} @narrow.wasm(
  ;; CHECK: shufflevector <8 x i16> %{{[0-9]+}}, <8 x i16> %{{[0-9]+}}, <16 x i32> <i32 0, i32 1, i32 2, i32 3, i32 4, i32 5, i32 6, i32 7, i32 8, i32 9, i32 10, i32 11, i32 12, i32 13, i32 14, i32 15>
  ;; CHECK: call <16 x i16> @llvm.smax.v16i16(<16 x i16> %{{[0-9]+}}, <16 x i16> zeroinitializer)
  ;; CHECK: call <16 x i16> @llvm.smin.v16i16(<16 x i16> %{{[0-9]+}}, <16 x i16> <i16 255,
  ;; CHECK: trunc <16 x i16> %{{[0-9]+}} to <16 x i8>
  (func (export "narrow") (param v128 v128) (result v128) (i8x16.narrow_i16x8_u (local.get 0) (local.get 1)))
  ;; Shift counts are taken modulo the lane width.
  ;; CHECK-LABEL: define internal {{.*}} @shift.wasm(
  ;; CHECK: %[[K:[0-9]+]] = and i32 %{{[0-9]+}}, 31
  ;; CHECK: insertelement <4 x i32> poison, i32 %[[K]], i64 0
  ;; CHECK: ashr <4 x i32> %{{[0-9]+}}, %.splat
  (func (export "shift") (param v128 i32) (result v128) (i32x4.shr_s (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal {{.*}} @binary_intrinsic.wasm(
  ;; CHECK: call <8 x i16> @llvm.uadd.sat.v8i16(
  (func (export "binary_intrinsic") (param v128 v128) (result v128) (i16x8.add_sat_u (local.get 0) (local.get 1)))
  ;; f32x4.min propagates NaN as a quiet NaN (llvm.minimum, then x + x on NaN lanes).
  ;; CHECK-LABEL: define internal {{.*}} @fmin.wasm(
  ;; CHECK: %[[M:[0-9]+]] = call <4 x float> @llvm.minimum.v4f32(
  ;; CHECK: %[[U:[0-9]+]] = fcmp uno <4 x float> %[[M]], %[[M]]
  ;; CHECK: %[[Q:[0-9]+]] = fadd <4 x float> %[[M]], %[[M]]
  ;; CHECK: select <4 x i1> %[[U]], <4 x float> %[[Q]], <4 x float> %[[M]]
  (func (export "fmin") (param v128 v128) (result v128) (f32x4.min (local.get 0) (local.get 1)))
  ;; avgr_u: (a + b + 1) >> 1 computed in 16 bits.
  ;; CHECK-LABEL: define internal {{.*}} @avgr.wasm(
  ;; CHECK: zext <16 x i8> %{{[0-9]+}} to <16 x i16>
  ;; CHECK: %[[S:[0-9]+]] = add <16 x i16>
  ;; CHECK: %[[R:[0-9]+]] = add <16 x i16> %[[S]], <i16 1,
  ;; CHECK: %[[H:[0-9]+]] = lshr <16 x i16> %[[R]], <i16 1,
  ;; CHECK: trunc <16 x i16> %[[H]] to <16 x i8>
  (func (export "avgr") (param v128 v128) (result v128) (i8x16.avgr_u (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal {{.*}} @extadd.wasm(
  ;; CHECK: %[[W:[0-9]+]] = zext <8 x i16> %{{[0-9]+}} to <8 x i32>
  ;; CHECK: %[[E:[0-9]+]] = shufflevector <8 x i32> %[[W]], <8 x i32> poison, <4 x i32> <i32 0, i32 2, i32 4, i32 6>
  ;; CHECK: %[[O:[0-9]+]] = shufflevector <8 x i32> %[[W]], <8 x i32> poison, <4 x i32> <i32 1, i32 3, i32 5, i32 7>
  ;; CHECK: add <4 x i32> %[[E]], %[[O]]
  (func (export "extadd") (param v128) (result v128) (i32x4.extadd_pairwise_i16x8_u (local.get 0)))
  ;; q15mulr_sat_s: (a * b + 0x4000) >> 15, saturated to i16.
  ;; CHECK-LABEL: define internal {{.*}} @q15mulr.wasm(
  ;; CHECK: mul <8 x i32>
  ;; CHECK: add <8 x i32> %{{[0-9]+}}, <i32 16384,
  ;; CHECK: ashr <8 x i32> %{{[0-9]+}}, <i32 15,
  ;; CHECK: call <8 x i32> @llvm.smin.v8i32(<8 x i32> %{{[0-9]+}}, <8 x i32> <i32 32767,
  ;; CHECK: call <8 x i32> @llvm.smax.v8i32(<8 x i32> %{{[0-9]+}}, <8 x i32> <i32 -32768,
  ;; CHECK: trunc <8 x i32> %{{[0-9]+}} to <8 x i16>
  (func (export "q15mulr") (param v128 v128) (result v128) (i16x8.q15mulr_sat_s (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal {{.*}} @extend.wasm(
  ;; CHECK: %[[H:[0-9]+]] = shufflevector <4 x i32> %{{[0-9]+}}, <4 x i32> poison, <2 x i32> <i32 2, i32 3>
  ;; CHECK: zext <2 x i32> %[[H]] to <2 x i64>
  (func (export "extend") (param v128) (result v128) (i64x2.extend_high_i32x4_u (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @extmul.wasm(
  ;; CHECK: shufflevector <8 x i16> %{{[0-9]+}}, <8 x i16> poison, <4 x i32> <i32 0, i32 1, i32 2, i32 3>
  ;; CHECK: %[[A:[0-9]+]] = sext <4 x i16>
  ;; CHECK: shufflevector <8 x i16> %{{[0-9]+}}, <8 x i16> poison, <4 x i32> <i32 0, i32 1, i32 2, i32 3>
  ;; CHECK: %[[B:[0-9]+]] = sext <4 x i16>
  ;; CHECK: mul <4 x i32> %[[A]], %[[B]]
  (func (export "extmul") (param v128 v128) (result v128) (i32x4.extmul_low_i16x8_s (local.get 0) (local.get 1)))
  ;; dot_i16x8_s: products of sign-extended lanes, adjacent pairs summed.
  ;; CHECK-LABEL: define internal {{.*}} @dot.wasm(
  ;; CHECK: %[[P:[0-9]+]] = mul <8 x i32>
  ;; CHECK: %[[E:[0-9]+]] = shufflevector <8 x i32> %[[P]], <8 x i32> poison, <4 x i32> <i32 0, i32 2, i32 4, i32 6>
  ;; CHECK: %[[O:[0-9]+]] = shufflevector <8 x i32> %[[P]], <8 x i32> poison, <4 x i32> <i32 1, i32 3, i32 5, i32 7>
  ;; CHECK: add <4 x i32> %[[E]], %[[O]]
  (func (export "dot") (param v128 v128) (result v128) (i32x4.dot_i16x8_s (local.get 0) (local.get 1)))
  ;; pmin(a, b) = b < a ? b : a (no NaN propagation, unlike min).
  ;; CHECK-LABEL: define internal {{.*}} @pmin.wasm(
  ;; CHECK: %[[B:[0-9]+]] = bitcast <2 x i64> %{{[0-9]+}} to <2 x double>
  ;; CHECK: %[[A:[0-9]+]] = bitcast <2 x i64> %{{[0-9]+}} to <2 x double>
  ;; CHECK: %[[LT:[0-9]+]] = fcmp olt <2 x double> %[[B]], %[[A]]
  ;; CHECK: select <2 x i1> %[[LT]], <2 x double> %[[B]], <2 x double> %[[A]]
  (func (export "pmin") (param v128 v128) (result v128) (f64x2.pmin (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal {{.*}} @trunc_sat.wasm(
  ;; CHECK: call <4 x i32> @llvm.fptoui.sat.v4i32.v4f32(
  (func (export "trunc_sat") (param v128) (result v128) (i32x4.trunc_sat_f32x4_u (local.get 0)))
  ;; trunc_sat_f64x2_s_zero: two saturated lanes, then zeros.
  ;; CHECK-LABEL: define internal {{.*}} @trunc_sat_zero.wasm(
  ;; CHECK: %[[T:[0-9]+]] = call <2 x i32> @llvm.fptosi.sat.v2i32.v2f64(
  ;; CHECK: shufflevector <2 x i32> %[[T]], <2 x i32> zeroinitializer, <4 x i32> <i32 0, i32 1, i32 2, i32 3>
  (func (export "trunc_sat_zero") (param v128) (result v128) (i32x4.trunc_sat_f64x2_s_zero (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @convert.wasm(
  ;; CHECK: uitofp <4 x i32> %{{[0-9]+}} to <4 x float>
  (func (export "convert") (param v128) (result v128) (f32x4.convert_i32x4_u (local.get 0)))
  ;; CHECK-LABEL: define internal {{.*}} @convert_low.wasm(
  ;; CHECK: %[[L:[0-9]+]] = shufflevector <4 x i32> %{{[0-9]+}}, <4 x i32> poison, <2 x i32> <i32 0, i32 1>
  ;; CHECK: sitofp <2 x i32> %[[L]] to <2 x double>
  (func (export "convert_low") (param v128) (result v128) (f64x2.convert_low_i32x4_s (local.get 0)))
)
