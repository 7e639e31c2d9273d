package capped

import "sync"

var mu sync.Mutex

func Huge(xs []int, f func()) int { // want `Huge has \d+ blocks, more than the 4000 lockpoison analyses: its critical sections are not checked`
	defer func() { recover() }()
	mu.Lock()
	n := 0
	if len(xs) > 0 {
		n += 0
	}
	if len(xs) > 1 {
		n += 1
	}
	if len(xs) > 2 {
		n += 2
	}
	if len(xs) > 3 {
		n += 3
	}
	if len(xs) > 4 {
		n += 4
	}
	if len(xs) > 5 {
		n += 5
	}
	if len(xs) > 6 {
		n += 6
	}
	if len(xs) > 7 {
		n += 7
	}
	if len(xs) > 8 {
		n += 8
	}
	if len(xs) > 9 {
		n += 9
	}
	if len(xs) > 10 {
		n += 10
	}
	if len(xs) > 11 {
		n += 11
	}
	if len(xs) > 12 {
		n += 12
	}
	if len(xs) > 13 {
		n += 13
	}
	if len(xs) > 14 {
		n += 14
	}
	if len(xs) > 15 {
		n += 15
	}
	if len(xs) > 16 {
		n += 16
	}
	if len(xs) > 17 {
		n += 17
	}
	if len(xs) > 18 {
		n += 18
	}
	if len(xs) > 19 {
		n += 19
	}
	if len(xs) > 20 {
		n += 20
	}
	if len(xs) > 21 {
		n += 21
	}
	if len(xs) > 22 {
		n += 22
	}
	if len(xs) > 23 {
		n += 23
	}
	if len(xs) > 24 {
		n += 24
	}
	if len(xs) > 25 {
		n += 25
	}
	if len(xs) > 26 {
		n += 26
	}
	if len(xs) > 27 {
		n += 27
	}
	if len(xs) > 28 {
		n += 28
	}
	if len(xs) > 29 {
		n += 29
	}
	if len(xs) > 30 {
		n += 30
	}
	if len(xs) > 31 {
		n += 31
	}
	if len(xs) > 32 {
		n += 32
	}
	if len(xs) > 33 {
		n += 33
	}
	if len(xs) > 34 {
		n += 34
	}
	if len(xs) > 35 {
		n += 35
	}
	if len(xs) > 36 {
		n += 36
	}
	if len(xs) > 37 {
		n += 37
	}
	if len(xs) > 38 {
		n += 38
	}
	if len(xs) > 39 {
		n += 39
	}
	if len(xs) > 40 {
		n += 40
	}
	if len(xs) > 41 {
		n += 41
	}
	if len(xs) > 42 {
		n += 42
	}
	if len(xs) > 43 {
		n += 43
	}
	if len(xs) > 44 {
		n += 44
	}
	if len(xs) > 45 {
		n += 45
	}
	if len(xs) > 46 {
		n += 46
	}
	if len(xs) > 47 {
		n += 47
	}
	if len(xs) > 48 {
		n += 48
	}
	if len(xs) > 49 {
		n += 49
	}
	if len(xs) > 50 {
		n += 50
	}
	if len(xs) > 51 {
		n += 51
	}
	if len(xs) > 52 {
		n += 52
	}
	if len(xs) > 53 {
		n += 53
	}
	if len(xs) > 54 {
		n += 54
	}
	if len(xs) > 55 {
		n += 55
	}
	if len(xs) > 56 {
		n += 56
	}
	if len(xs) > 57 {
		n += 57
	}
	if len(xs) > 58 {
		n += 58
	}
	if len(xs) > 59 {
		n += 59
	}
	if len(xs) > 60 {
		n += 60
	}
	if len(xs) > 61 {
		n += 61
	}
	if len(xs) > 62 {
		n += 62
	}
	if len(xs) > 63 {
		n += 63
	}
	if len(xs) > 64 {
		n += 64
	}
	if len(xs) > 65 {
		n += 65
	}
	if len(xs) > 66 {
		n += 66
	}
	if len(xs) > 67 {
		n += 67
	}
	if len(xs) > 68 {
		n += 68
	}
	if len(xs) > 69 {
		n += 69
	}
	if len(xs) > 70 {
		n += 70
	}
	if len(xs) > 71 {
		n += 71
	}
	if len(xs) > 72 {
		n += 72
	}
	if len(xs) > 73 {
		n += 73
	}
	if len(xs) > 74 {
		n += 74
	}
	if len(xs) > 75 {
		n += 75
	}
	if len(xs) > 76 {
		n += 76
	}
	if len(xs) > 77 {
		n += 77
	}
	if len(xs) > 78 {
		n += 78
	}
	if len(xs) > 79 {
		n += 79
	}
	if len(xs) > 80 {
		n += 80
	}
	if len(xs) > 81 {
		n += 81
	}
	if len(xs) > 82 {
		n += 82
	}
	if len(xs) > 83 {
		n += 83
	}
	if len(xs) > 84 {
		n += 84
	}
	if len(xs) > 85 {
		n += 85
	}
	if len(xs) > 86 {
		n += 86
	}
	if len(xs) > 87 {
		n += 87
	}
	if len(xs) > 88 {
		n += 88
	}
	if len(xs) > 89 {
		n += 89
	}
	if len(xs) > 90 {
		n += 90
	}
	if len(xs) > 91 {
		n += 91
	}
	if len(xs) > 92 {
		n += 92
	}
	if len(xs) > 93 {
		n += 93
	}
	if len(xs) > 94 {
		n += 94
	}
	if len(xs) > 95 {
		n += 95
	}
	if len(xs) > 96 {
		n += 96
	}
	if len(xs) > 97 {
		n += 97
	}
	if len(xs) > 98 {
		n += 98
	}
	if len(xs) > 99 {
		n += 99
	}
	if len(xs) > 100 {
		n += 100
	}
	if len(xs) > 101 {
		n += 101
	}
	if len(xs) > 102 {
		n += 102
	}
	if len(xs) > 103 {
		n += 103
	}
	if len(xs) > 104 {
		n += 104
	}
	if len(xs) > 105 {
		n += 105
	}
	if len(xs) > 106 {
		n += 106
	}
	if len(xs) > 107 {
		n += 107
	}
	if len(xs) > 108 {
		n += 108
	}
	if len(xs) > 109 {
		n += 109
	}
	if len(xs) > 110 {
		n += 110
	}
	if len(xs) > 111 {
		n += 111
	}
	if len(xs) > 112 {
		n += 112
	}
	if len(xs) > 113 {
		n += 113
	}
	if len(xs) > 114 {
		n += 114
	}
	if len(xs) > 115 {
		n += 115
	}
	if len(xs) > 116 {
		n += 116
	}
	if len(xs) > 117 {
		n += 117
	}
	if len(xs) > 118 {
		n += 118
	}
	if len(xs) > 119 {
		n += 119
	}
	if len(xs) > 120 {
		n += 120
	}
	if len(xs) > 121 {
		n += 121
	}
	if len(xs) > 122 {
		n += 122
	}
	if len(xs) > 123 {
		n += 123
	}
	if len(xs) > 124 {
		n += 124
	}
	if len(xs) > 125 {
		n += 125
	}
	if len(xs) > 126 {
		n += 126
	}
	if len(xs) > 127 {
		n += 127
	}
	if len(xs) > 128 {
		n += 128
	}
	if len(xs) > 129 {
		n += 129
	}
	if len(xs) > 130 {
		n += 130
	}
	if len(xs) > 131 {
		n += 131
	}
	if len(xs) > 132 {
		n += 132
	}
	if len(xs) > 133 {
		n += 133
	}
	if len(xs) > 134 {
		n += 134
	}
	if len(xs) > 135 {
		n += 135
	}
	if len(xs) > 136 {
		n += 136
	}
	if len(xs) > 137 {
		n += 137
	}
	if len(xs) > 138 {
		n += 138
	}
	if len(xs) > 139 {
		n += 139
	}
	if len(xs) > 140 {
		n += 140
	}
	if len(xs) > 141 {
		n += 141
	}
	if len(xs) > 142 {
		n += 142
	}
	if len(xs) > 143 {
		n += 143
	}
	if len(xs) > 144 {
		n += 144
	}
	if len(xs) > 145 {
		n += 145
	}
	if len(xs) > 146 {
		n += 146
	}
	if len(xs) > 147 {
		n += 147
	}
	if len(xs) > 148 {
		n += 148
	}
	if len(xs) > 149 {
		n += 149
	}
	if len(xs) > 150 {
		n += 150
	}
	if len(xs) > 151 {
		n += 151
	}
	if len(xs) > 152 {
		n += 152
	}
	if len(xs) > 153 {
		n += 153
	}
	if len(xs) > 154 {
		n += 154
	}
	if len(xs) > 155 {
		n += 155
	}
	if len(xs) > 156 {
		n += 156
	}
	if len(xs) > 157 {
		n += 157
	}
	if len(xs) > 158 {
		n += 158
	}
	if len(xs) > 159 {
		n += 159
	}
	if len(xs) > 160 {
		n += 160
	}
	if len(xs) > 161 {
		n += 161
	}
	if len(xs) > 162 {
		n += 162
	}
	if len(xs) > 163 {
		n += 163
	}
	if len(xs) > 164 {
		n += 164
	}
	if len(xs) > 165 {
		n += 165
	}
	if len(xs) > 166 {
		n += 166
	}
	if len(xs) > 167 {
		n += 167
	}
	if len(xs) > 168 {
		n += 168
	}
	if len(xs) > 169 {
		n += 169
	}
	if len(xs) > 170 {
		n += 170
	}
	if len(xs) > 171 {
		n += 171
	}
	if len(xs) > 172 {
		n += 172
	}
	if len(xs) > 173 {
		n += 173
	}
	if len(xs) > 174 {
		n += 174
	}
	if len(xs) > 175 {
		n += 175
	}
	if len(xs) > 176 {
		n += 176
	}
	if len(xs) > 177 {
		n += 177
	}
	if len(xs) > 178 {
		n += 178
	}
	if len(xs) > 179 {
		n += 179
	}
	if len(xs) > 180 {
		n += 180
	}
	if len(xs) > 181 {
		n += 181
	}
	if len(xs) > 182 {
		n += 182
	}
	if len(xs) > 183 {
		n += 183
	}
	if len(xs) > 184 {
		n += 184
	}
	if len(xs) > 185 {
		n += 185
	}
	if len(xs) > 186 {
		n += 186
	}
	if len(xs) > 187 {
		n += 187
	}
	if len(xs) > 188 {
		n += 188
	}
	if len(xs) > 189 {
		n += 189
	}
	if len(xs) > 190 {
		n += 190
	}
	if len(xs) > 191 {
		n += 191
	}
	if len(xs) > 192 {
		n += 192
	}
	if len(xs) > 193 {
		n += 193
	}
	if len(xs) > 194 {
		n += 194
	}
	if len(xs) > 195 {
		n += 195
	}
	if len(xs) > 196 {
		n += 196
	}
	if len(xs) > 197 {
		n += 197
	}
	if len(xs) > 198 {
		n += 198
	}
	if len(xs) > 199 {
		n += 199
	}
	if len(xs) > 200 {
		n += 200
	}
	if len(xs) > 201 {
		n += 201
	}
	if len(xs) > 202 {
		n += 202
	}
	if len(xs) > 203 {
		n += 203
	}
	if len(xs) > 204 {
		n += 204
	}
	if len(xs) > 205 {
		n += 205
	}
	if len(xs) > 206 {
		n += 206
	}
	if len(xs) > 207 {
		n += 207
	}
	if len(xs) > 208 {
		n += 208
	}
	if len(xs) > 209 {
		n += 209
	}
	if len(xs) > 210 {
		n += 210
	}
	if len(xs) > 211 {
		n += 211
	}
	if len(xs) > 212 {
		n += 212
	}
	if len(xs) > 213 {
		n += 213
	}
	if len(xs) > 214 {
		n += 214
	}
	if len(xs) > 215 {
		n += 215
	}
	if len(xs) > 216 {
		n += 216
	}
	if len(xs) > 217 {
		n += 217
	}
	if len(xs) > 218 {
		n += 218
	}
	if len(xs) > 219 {
		n += 219
	}
	if len(xs) > 220 {
		n += 220
	}
	if len(xs) > 221 {
		n += 221
	}
	if len(xs) > 222 {
		n += 222
	}
	if len(xs) > 223 {
		n += 223
	}
	if len(xs) > 224 {
		n += 224
	}
	if len(xs) > 225 {
		n += 225
	}
	if len(xs) > 226 {
		n += 226
	}
	if len(xs) > 227 {
		n += 227
	}
	if len(xs) > 228 {
		n += 228
	}
	if len(xs) > 229 {
		n += 229
	}
	if len(xs) > 230 {
		n += 230
	}
	if len(xs) > 231 {
		n += 231
	}
	if len(xs) > 232 {
		n += 232
	}
	if len(xs) > 233 {
		n += 233
	}
	if len(xs) > 234 {
		n += 234
	}
	if len(xs) > 235 {
		n += 235
	}
	if len(xs) > 236 {
		n += 236
	}
	if len(xs) > 237 {
		n += 237
	}
	if len(xs) > 238 {
		n += 238
	}
	if len(xs) > 239 {
		n += 239
	}
	if len(xs) > 240 {
		n += 240
	}
	if len(xs) > 241 {
		n += 241
	}
	if len(xs) > 242 {
		n += 242
	}
	if len(xs) > 243 {
		n += 243
	}
	if len(xs) > 244 {
		n += 244
	}
	if len(xs) > 245 {
		n += 245
	}
	if len(xs) > 246 {
		n += 246
	}
	if len(xs) > 247 {
		n += 247
	}
	if len(xs) > 248 {
		n += 248
	}
	if len(xs) > 249 {
		n += 249
	}
	if len(xs) > 250 {
		n += 250
	}
	if len(xs) > 251 {
		n += 251
	}
	if len(xs) > 252 {
		n += 252
	}
	if len(xs) > 253 {
		n += 253
	}
	if len(xs) > 254 {
		n += 254
	}
	if len(xs) > 255 {
		n += 255
	}
	if len(xs) > 256 {
		n += 256
	}
	if len(xs) > 257 {
		n += 257
	}
	if len(xs) > 258 {
		n += 258
	}
	if len(xs) > 259 {
		n += 259
	}
	if len(xs) > 260 {
		n += 260
	}
	if len(xs) > 261 {
		n += 261
	}
	if len(xs) > 262 {
		n += 262
	}
	if len(xs) > 263 {
		n += 263
	}
	if len(xs) > 264 {
		n += 264
	}
	if len(xs) > 265 {
		n += 265
	}
	if len(xs) > 266 {
		n += 266
	}
	if len(xs) > 267 {
		n += 267
	}
	if len(xs) > 268 {
		n += 268
	}
	if len(xs) > 269 {
		n += 269
	}
	if len(xs) > 270 {
		n += 270
	}
	if len(xs) > 271 {
		n += 271
	}
	if len(xs) > 272 {
		n += 272
	}
	if len(xs) > 273 {
		n += 273
	}
	if len(xs) > 274 {
		n += 274
	}
	if len(xs) > 275 {
		n += 275
	}
	if len(xs) > 276 {
		n += 276
	}
	if len(xs) > 277 {
		n += 277
	}
	if len(xs) > 278 {
		n += 278
	}
	if len(xs) > 279 {
		n += 279
	}
	if len(xs) > 280 {
		n += 280
	}
	if len(xs) > 281 {
		n += 281
	}
	if len(xs) > 282 {
		n += 282
	}
	if len(xs) > 283 {
		n += 283
	}
	if len(xs) > 284 {
		n += 284
	}
	if len(xs) > 285 {
		n += 285
	}
	if len(xs) > 286 {
		n += 286
	}
	if len(xs) > 287 {
		n += 287
	}
	if len(xs) > 288 {
		n += 288
	}
	if len(xs) > 289 {
		n += 289
	}
	if len(xs) > 290 {
		n += 290
	}
	if len(xs) > 291 {
		n += 291
	}
	if len(xs) > 292 {
		n += 292
	}
	if len(xs) > 293 {
		n += 293
	}
	if len(xs) > 294 {
		n += 294
	}
	if len(xs) > 295 {
		n += 295
	}
	if len(xs) > 296 {
		n += 296
	}
	if len(xs) > 297 {
		n += 297
	}
	if len(xs) > 298 {
		n += 298
	}
	if len(xs) > 299 {
		n += 299
	}
	if len(xs) > 300 {
		n += 300
	}
	if len(xs) > 301 {
		n += 301
	}
	if len(xs) > 302 {
		n += 302
	}
	if len(xs) > 303 {
		n += 303
	}
	if len(xs) > 304 {
		n += 304
	}
	if len(xs) > 305 {
		n += 305
	}
	if len(xs) > 306 {
		n += 306
	}
	if len(xs) > 307 {
		n += 307
	}
	if len(xs) > 308 {
		n += 308
	}
	if len(xs) > 309 {
		n += 309
	}
	if len(xs) > 310 {
		n += 310
	}
	if len(xs) > 311 {
		n += 311
	}
	if len(xs) > 312 {
		n += 312
	}
	if len(xs) > 313 {
		n += 313
	}
	if len(xs) > 314 {
		n += 314
	}
	if len(xs) > 315 {
		n += 315
	}
	if len(xs) > 316 {
		n += 316
	}
	if len(xs) > 317 {
		n += 317
	}
	if len(xs) > 318 {
		n += 318
	}
	if len(xs) > 319 {
		n += 319
	}
	if len(xs) > 320 {
		n += 320
	}
	if len(xs) > 321 {
		n += 321
	}
	if len(xs) > 322 {
		n += 322
	}
	if len(xs) > 323 {
		n += 323
	}
	if len(xs) > 324 {
		n += 324
	}
	if len(xs) > 325 {
		n += 325
	}
	if len(xs) > 326 {
		n += 326
	}
	if len(xs) > 327 {
		n += 327
	}
	if len(xs) > 328 {
		n += 328
	}
	if len(xs) > 329 {
		n += 329
	}
	if len(xs) > 330 {
		n += 330
	}
	if len(xs) > 331 {
		n += 331
	}
	if len(xs) > 332 {
		n += 332
	}
	if len(xs) > 333 {
		n += 333
	}
	if len(xs) > 334 {
		n += 334
	}
	if len(xs) > 335 {
		n += 335
	}
	if len(xs) > 336 {
		n += 336
	}
	if len(xs) > 337 {
		n += 337
	}
	if len(xs) > 338 {
		n += 338
	}
	if len(xs) > 339 {
		n += 339
	}
	if len(xs) > 340 {
		n += 340
	}
	if len(xs) > 341 {
		n += 341
	}
	if len(xs) > 342 {
		n += 342
	}
	if len(xs) > 343 {
		n += 343
	}
	if len(xs) > 344 {
		n += 344
	}
	if len(xs) > 345 {
		n += 345
	}
	if len(xs) > 346 {
		n += 346
	}
	if len(xs) > 347 {
		n += 347
	}
	if len(xs) > 348 {
		n += 348
	}
	if len(xs) > 349 {
		n += 349
	}
	if len(xs) > 350 {
		n += 350
	}
	if len(xs) > 351 {
		n += 351
	}
	if len(xs) > 352 {
		n += 352
	}
	if len(xs) > 353 {
		n += 353
	}
	if len(xs) > 354 {
		n += 354
	}
	if len(xs) > 355 {
		n += 355
	}
	if len(xs) > 356 {
		n += 356
	}
	if len(xs) > 357 {
		n += 357
	}
	if len(xs) > 358 {
		n += 358
	}
	if len(xs) > 359 {
		n += 359
	}
	if len(xs) > 360 {
		n += 360
	}
	if len(xs) > 361 {
		n += 361
	}
	if len(xs) > 362 {
		n += 362
	}
	if len(xs) > 363 {
		n += 363
	}
	if len(xs) > 364 {
		n += 364
	}
	if len(xs) > 365 {
		n += 365
	}
	if len(xs) > 366 {
		n += 366
	}
	if len(xs) > 367 {
		n += 367
	}
	if len(xs) > 368 {
		n += 368
	}
	if len(xs) > 369 {
		n += 369
	}
	if len(xs) > 370 {
		n += 370
	}
	if len(xs) > 371 {
		n += 371
	}
	if len(xs) > 372 {
		n += 372
	}
	if len(xs) > 373 {
		n += 373
	}
	if len(xs) > 374 {
		n += 374
	}
	if len(xs) > 375 {
		n += 375
	}
	if len(xs) > 376 {
		n += 376
	}
	if len(xs) > 377 {
		n += 377
	}
	if len(xs) > 378 {
		n += 378
	}
	if len(xs) > 379 {
		n += 379
	}
	if len(xs) > 380 {
		n += 380
	}
	if len(xs) > 381 {
		n += 381
	}
	if len(xs) > 382 {
		n += 382
	}
	if len(xs) > 383 {
		n += 383
	}
	if len(xs) > 384 {
		n += 384
	}
	if len(xs) > 385 {
		n += 385
	}
	if len(xs) > 386 {
		n += 386
	}
	if len(xs) > 387 {
		n += 387
	}
	if len(xs) > 388 {
		n += 388
	}
	if len(xs) > 389 {
		n += 389
	}
	if len(xs) > 390 {
		n += 390
	}
	if len(xs) > 391 {
		n += 391
	}
	if len(xs) > 392 {
		n += 392
	}
	if len(xs) > 393 {
		n += 393
	}
	if len(xs) > 394 {
		n += 394
	}
	if len(xs) > 395 {
		n += 395
	}
	if len(xs) > 396 {
		n += 396
	}
	if len(xs) > 397 {
		n += 397
	}
	if len(xs) > 398 {
		n += 398
	}
	if len(xs) > 399 {
		n += 399
	}
	if len(xs) > 400 {
		n += 400
	}
	if len(xs) > 401 {
		n += 401
	}
	if len(xs) > 402 {
		n += 402
	}
	if len(xs) > 403 {
		n += 403
	}
	if len(xs) > 404 {
		n += 404
	}
	if len(xs) > 405 {
		n += 405
	}
	if len(xs) > 406 {
		n += 406
	}
	if len(xs) > 407 {
		n += 407
	}
	if len(xs) > 408 {
		n += 408
	}
	if len(xs) > 409 {
		n += 409
	}
	if len(xs) > 410 {
		n += 410
	}
	if len(xs) > 411 {
		n += 411
	}
	if len(xs) > 412 {
		n += 412
	}
	if len(xs) > 413 {
		n += 413
	}
	if len(xs) > 414 {
		n += 414
	}
	if len(xs) > 415 {
		n += 415
	}
	if len(xs) > 416 {
		n += 416
	}
	if len(xs) > 417 {
		n += 417
	}
	if len(xs) > 418 {
		n += 418
	}
	if len(xs) > 419 {
		n += 419
	}
	if len(xs) > 420 {
		n += 420
	}
	if len(xs) > 421 {
		n += 421
	}
	if len(xs) > 422 {
		n += 422
	}
	if len(xs) > 423 {
		n += 423
	}
	if len(xs) > 424 {
		n += 424
	}
	if len(xs) > 425 {
		n += 425
	}
	if len(xs) > 426 {
		n += 426
	}
	if len(xs) > 427 {
		n += 427
	}
	if len(xs) > 428 {
		n += 428
	}
	if len(xs) > 429 {
		n += 429
	}
	if len(xs) > 430 {
		n += 430
	}
	if len(xs) > 431 {
		n += 431
	}
	if len(xs) > 432 {
		n += 432
	}
	if len(xs) > 433 {
		n += 433
	}
	if len(xs) > 434 {
		n += 434
	}
	if len(xs) > 435 {
		n += 435
	}
	if len(xs) > 436 {
		n += 436
	}
	if len(xs) > 437 {
		n += 437
	}
	if len(xs) > 438 {
		n += 438
	}
	if len(xs) > 439 {
		n += 439
	}
	if len(xs) > 440 {
		n += 440
	}
	if len(xs) > 441 {
		n += 441
	}
	if len(xs) > 442 {
		n += 442
	}
	if len(xs) > 443 {
		n += 443
	}
	if len(xs) > 444 {
		n += 444
	}
	if len(xs) > 445 {
		n += 445
	}
	if len(xs) > 446 {
		n += 446
	}
	if len(xs) > 447 {
		n += 447
	}
	if len(xs) > 448 {
		n += 448
	}
	if len(xs) > 449 {
		n += 449
	}
	if len(xs) > 450 {
		n += 450
	}
	if len(xs) > 451 {
		n += 451
	}
	if len(xs) > 452 {
		n += 452
	}
	if len(xs) > 453 {
		n += 453
	}
	if len(xs) > 454 {
		n += 454
	}
	if len(xs) > 455 {
		n += 455
	}
	if len(xs) > 456 {
		n += 456
	}
	if len(xs) > 457 {
		n += 457
	}
	if len(xs) > 458 {
		n += 458
	}
	if len(xs) > 459 {
		n += 459
	}
	if len(xs) > 460 {
		n += 460
	}
	if len(xs) > 461 {
		n += 461
	}
	if len(xs) > 462 {
		n += 462
	}
	if len(xs) > 463 {
		n += 463
	}
	if len(xs) > 464 {
		n += 464
	}
	if len(xs) > 465 {
		n += 465
	}
	if len(xs) > 466 {
		n += 466
	}
	if len(xs) > 467 {
		n += 467
	}
	if len(xs) > 468 {
		n += 468
	}
	if len(xs) > 469 {
		n += 469
	}
	if len(xs) > 470 {
		n += 470
	}
	if len(xs) > 471 {
		n += 471
	}
	if len(xs) > 472 {
		n += 472
	}
	if len(xs) > 473 {
		n += 473
	}
	if len(xs) > 474 {
		n += 474
	}
	if len(xs) > 475 {
		n += 475
	}
	if len(xs) > 476 {
		n += 476
	}
	if len(xs) > 477 {
		n += 477
	}
	if len(xs) > 478 {
		n += 478
	}
	if len(xs) > 479 {
		n += 479
	}
	if len(xs) > 480 {
		n += 480
	}
	if len(xs) > 481 {
		n += 481
	}
	if len(xs) > 482 {
		n += 482
	}
	if len(xs) > 483 {
		n += 483
	}
	if len(xs) > 484 {
		n += 484
	}
	if len(xs) > 485 {
		n += 485
	}
	if len(xs) > 486 {
		n += 486
	}
	if len(xs) > 487 {
		n += 487
	}
	if len(xs) > 488 {
		n += 488
	}
	if len(xs) > 489 {
		n += 489
	}
	if len(xs) > 490 {
		n += 490
	}
	if len(xs) > 491 {
		n += 491
	}
	if len(xs) > 492 {
		n += 492
	}
	if len(xs) > 493 {
		n += 493
	}
	if len(xs) > 494 {
		n += 494
	}
	if len(xs) > 495 {
		n += 495
	}
	if len(xs) > 496 {
		n += 496
	}
	if len(xs) > 497 {
		n += 497
	}
	if len(xs) > 498 {
		n += 498
	}
	if len(xs) > 499 {
		n += 499
	}
	if len(xs) > 500 {
		n += 500
	}
	if len(xs) > 501 {
		n += 501
	}
	if len(xs) > 502 {
		n += 502
	}
	if len(xs) > 503 {
		n += 503
	}
	if len(xs) > 504 {
		n += 504
	}
	if len(xs) > 505 {
		n += 505
	}
	if len(xs) > 506 {
		n += 506
	}
	if len(xs) > 507 {
		n += 507
	}
	if len(xs) > 508 {
		n += 508
	}
	if len(xs) > 509 {
		n += 509
	}
	if len(xs) > 510 {
		n += 510
	}
	if len(xs) > 511 {
		n += 511
	}
	if len(xs) > 512 {
		n += 512
	}
	if len(xs) > 513 {
		n += 513
	}
	if len(xs) > 514 {
		n += 514
	}
	if len(xs) > 515 {
		n += 515
	}
	if len(xs) > 516 {
		n += 516
	}
	if len(xs) > 517 {
		n += 517
	}
	if len(xs) > 518 {
		n += 518
	}
	if len(xs) > 519 {
		n += 519
	}
	if len(xs) > 520 {
		n += 520
	}
	if len(xs) > 521 {
		n += 521
	}
	if len(xs) > 522 {
		n += 522
	}
	if len(xs) > 523 {
		n += 523
	}
	if len(xs) > 524 {
		n += 524
	}
	if len(xs) > 525 {
		n += 525
	}
	if len(xs) > 526 {
		n += 526
	}
	if len(xs) > 527 {
		n += 527
	}
	if len(xs) > 528 {
		n += 528
	}
	if len(xs) > 529 {
		n += 529
	}
	if len(xs) > 530 {
		n += 530
	}
	if len(xs) > 531 {
		n += 531
	}
	if len(xs) > 532 {
		n += 532
	}
	if len(xs) > 533 {
		n += 533
	}
	if len(xs) > 534 {
		n += 534
	}
	if len(xs) > 535 {
		n += 535
	}
	if len(xs) > 536 {
		n += 536
	}
	if len(xs) > 537 {
		n += 537
	}
	if len(xs) > 538 {
		n += 538
	}
	if len(xs) > 539 {
		n += 539
	}
	if len(xs) > 540 {
		n += 540
	}
	if len(xs) > 541 {
		n += 541
	}
	if len(xs) > 542 {
		n += 542
	}
	if len(xs) > 543 {
		n += 543
	}
	if len(xs) > 544 {
		n += 544
	}
	if len(xs) > 545 {
		n += 545
	}
	if len(xs) > 546 {
		n += 546
	}
	if len(xs) > 547 {
		n += 547
	}
	if len(xs) > 548 {
		n += 548
	}
	if len(xs) > 549 {
		n += 549
	}
	if len(xs) > 550 {
		n += 550
	}
	if len(xs) > 551 {
		n += 551
	}
	if len(xs) > 552 {
		n += 552
	}
	if len(xs) > 553 {
		n += 553
	}
	if len(xs) > 554 {
		n += 554
	}
	if len(xs) > 555 {
		n += 555
	}
	if len(xs) > 556 {
		n += 556
	}
	if len(xs) > 557 {
		n += 557
	}
	if len(xs) > 558 {
		n += 558
	}
	if len(xs) > 559 {
		n += 559
	}
	if len(xs) > 560 {
		n += 560
	}
	if len(xs) > 561 {
		n += 561
	}
	if len(xs) > 562 {
		n += 562
	}
	if len(xs) > 563 {
		n += 563
	}
	if len(xs) > 564 {
		n += 564
	}
	if len(xs) > 565 {
		n += 565
	}
	if len(xs) > 566 {
		n += 566
	}
	if len(xs) > 567 {
		n += 567
	}
	if len(xs) > 568 {
		n += 568
	}
	if len(xs) > 569 {
		n += 569
	}
	if len(xs) > 570 {
		n += 570
	}
	if len(xs) > 571 {
		n += 571
	}
	if len(xs) > 572 {
		n += 572
	}
	if len(xs) > 573 {
		n += 573
	}
	if len(xs) > 574 {
		n += 574
	}
	if len(xs) > 575 {
		n += 575
	}
	if len(xs) > 576 {
		n += 576
	}
	if len(xs) > 577 {
		n += 577
	}
	if len(xs) > 578 {
		n += 578
	}
	if len(xs) > 579 {
		n += 579
	}
	if len(xs) > 580 {
		n += 580
	}
	if len(xs) > 581 {
		n += 581
	}
	if len(xs) > 582 {
		n += 582
	}
	if len(xs) > 583 {
		n += 583
	}
	if len(xs) > 584 {
		n += 584
	}
	if len(xs) > 585 {
		n += 585
	}
	if len(xs) > 586 {
		n += 586
	}
	if len(xs) > 587 {
		n += 587
	}
	if len(xs) > 588 {
		n += 588
	}
	if len(xs) > 589 {
		n += 589
	}
	if len(xs) > 590 {
		n += 590
	}
	if len(xs) > 591 {
		n += 591
	}
	if len(xs) > 592 {
		n += 592
	}
	if len(xs) > 593 {
		n += 593
	}
	if len(xs) > 594 {
		n += 594
	}
	if len(xs) > 595 {
		n += 595
	}
	if len(xs) > 596 {
		n += 596
	}
	if len(xs) > 597 {
		n += 597
	}
	if len(xs) > 598 {
		n += 598
	}
	if len(xs) > 599 {
		n += 599
	}
	if len(xs) > 600 {
		n += 600
	}
	if len(xs) > 601 {
		n += 601
	}
	if len(xs) > 602 {
		n += 602
	}
	if len(xs) > 603 {
		n += 603
	}
	if len(xs) > 604 {
		n += 604
	}
	if len(xs) > 605 {
		n += 605
	}
	if len(xs) > 606 {
		n += 606
	}
	if len(xs) > 607 {
		n += 607
	}
	if len(xs) > 608 {
		n += 608
	}
	if len(xs) > 609 {
		n += 609
	}
	if len(xs) > 610 {
		n += 610
	}
	if len(xs) > 611 {
		n += 611
	}
	if len(xs) > 612 {
		n += 612
	}
	if len(xs) > 613 {
		n += 613
	}
	if len(xs) > 614 {
		n += 614
	}
	if len(xs) > 615 {
		n += 615
	}
	if len(xs) > 616 {
		n += 616
	}
	if len(xs) > 617 {
		n += 617
	}
	if len(xs) > 618 {
		n += 618
	}
	if len(xs) > 619 {
		n += 619
	}
	if len(xs) > 620 {
		n += 620
	}
	if len(xs) > 621 {
		n += 621
	}
	if len(xs) > 622 {
		n += 622
	}
	if len(xs) > 623 {
		n += 623
	}
	if len(xs) > 624 {
		n += 624
	}
	if len(xs) > 625 {
		n += 625
	}
	if len(xs) > 626 {
		n += 626
	}
	if len(xs) > 627 {
		n += 627
	}
	if len(xs) > 628 {
		n += 628
	}
	if len(xs) > 629 {
		n += 629
	}
	if len(xs) > 630 {
		n += 630
	}
	if len(xs) > 631 {
		n += 631
	}
	if len(xs) > 632 {
		n += 632
	}
	if len(xs) > 633 {
		n += 633
	}
	if len(xs) > 634 {
		n += 634
	}
	if len(xs) > 635 {
		n += 635
	}
	if len(xs) > 636 {
		n += 636
	}
	if len(xs) > 637 {
		n += 637
	}
	if len(xs) > 638 {
		n += 638
	}
	if len(xs) > 639 {
		n += 639
	}
	if len(xs) > 640 {
		n += 640
	}
	if len(xs) > 641 {
		n += 641
	}
	if len(xs) > 642 {
		n += 642
	}
	if len(xs) > 643 {
		n += 643
	}
	if len(xs) > 644 {
		n += 644
	}
	if len(xs) > 645 {
		n += 645
	}
	if len(xs) > 646 {
		n += 646
	}
	if len(xs) > 647 {
		n += 647
	}
	if len(xs) > 648 {
		n += 648
	}
	if len(xs) > 649 {
		n += 649
	}
	if len(xs) > 650 {
		n += 650
	}
	if len(xs) > 651 {
		n += 651
	}
	if len(xs) > 652 {
		n += 652
	}
	if len(xs) > 653 {
		n += 653
	}
	if len(xs) > 654 {
		n += 654
	}
	if len(xs) > 655 {
		n += 655
	}
	if len(xs) > 656 {
		n += 656
	}
	if len(xs) > 657 {
		n += 657
	}
	if len(xs) > 658 {
		n += 658
	}
	if len(xs) > 659 {
		n += 659
	}
	if len(xs) > 660 {
		n += 660
	}
	if len(xs) > 661 {
		n += 661
	}
	if len(xs) > 662 {
		n += 662
	}
	if len(xs) > 663 {
		n += 663
	}
	if len(xs) > 664 {
		n += 664
	}
	if len(xs) > 665 {
		n += 665
	}
	if len(xs) > 666 {
		n += 666
	}
	if len(xs) > 667 {
		n += 667
	}
	if len(xs) > 668 {
		n += 668
	}
	if len(xs) > 669 {
		n += 669
	}
	if len(xs) > 670 {
		n += 670
	}
	if len(xs) > 671 {
		n += 671
	}
	if len(xs) > 672 {
		n += 672
	}
	if len(xs) > 673 {
		n += 673
	}
	if len(xs) > 674 {
		n += 674
	}
	if len(xs) > 675 {
		n += 675
	}
	if len(xs) > 676 {
		n += 676
	}
	if len(xs) > 677 {
		n += 677
	}
	if len(xs) > 678 {
		n += 678
	}
	if len(xs) > 679 {
		n += 679
	}
	if len(xs) > 680 {
		n += 680
	}
	if len(xs) > 681 {
		n += 681
	}
	if len(xs) > 682 {
		n += 682
	}
	if len(xs) > 683 {
		n += 683
	}
	if len(xs) > 684 {
		n += 684
	}
	if len(xs) > 685 {
		n += 685
	}
	if len(xs) > 686 {
		n += 686
	}
	if len(xs) > 687 {
		n += 687
	}
	if len(xs) > 688 {
		n += 688
	}
	if len(xs) > 689 {
		n += 689
	}
	if len(xs) > 690 {
		n += 690
	}
	if len(xs) > 691 {
		n += 691
	}
	if len(xs) > 692 {
		n += 692
	}
	if len(xs) > 693 {
		n += 693
	}
	if len(xs) > 694 {
		n += 694
	}
	if len(xs) > 695 {
		n += 695
	}
	if len(xs) > 696 {
		n += 696
	}
	if len(xs) > 697 {
		n += 697
	}
	if len(xs) > 698 {
		n += 698
	}
	if len(xs) > 699 {
		n += 699
	}
	if len(xs) > 700 {
		n += 700
	}
	if len(xs) > 701 {
		n += 701
	}
	if len(xs) > 702 {
		n += 702
	}
	if len(xs) > 703 {
		n += 703
	}
	if len(xs) > 704 {
		n += 704
	}
	if len(xs) > 705 {
		n += 705
	}
	if len(xs) > 706 {
		n += 706
	}
	if len(xs) > 707 {
		n += 707
	}
	if len(xs) > 708 {
		n += 708
	}
	if len(xs) > 709 {
		n += 709
	}
	if len(xs) > 710 {
		n += 710
	}
	if len(xs) > 711 {
		n += 711
	}
	if len(xs) > 712 {
		n += 712
	}
	if len(xs) > 713 {
		n += 713
	}
	if len(xs) > 714 {
		n += 714
	}
	if len(xs) > 715 {
		n += 715
	}
	if len(xs) > 716 {
		n += 716
	}
	if len(xs) > 717 {
		n += 717
	}
	if len(xs) > 718 {
		n += 718
	}
	if len(xs) > 719 {
		n += 719
	}
	if len(xs) > 720 {
		n += 720
	}
	if len(xs) > 721 {
		n += 721
	}
	if len(xs) > 722 {
		n += 722
	}
	if len(xs) > 723 {
		n += 723
	}
	if len(xs) > 724 {
		n += 724
	}
	if len(xs) > 725 {
		n += 725
	}
	if len(xs) > 726 {
		n += 726
	}
	if len(xs) > 727 {
		n += 727
	}
	if len(xs) > 728 {
		n += 728
	}
	if len(xs) > 729 {
		n += 729
	}
	if len(xs) > 730 {
		n += 730
	}
	if len(xs) > 731 {
		n += 731
	}
	if len(xs) > 732 {
		n += 732
	}
	if len(xs) > 733 {
		n += 733
	}
	if len(xs) > 734 {
		n += 734
	}
	if len(xs) > 735 {
		n += 735
	}
	if len(xs) > 736 {
		n += 736
	}
	if len(xs) > 737 {
		n += 737
	}
	if len(xs) > 738 {
		n += 738
	}
	if len(xs) > 739 {
		n += 739
	}
	if len(xs) > 740 {
		n += 740
	}
	if len(xs) > 741 {
		n += 741
	}
	if len(xs) > 742 {
		n += 742
	}
	if len(xs) > 743 {
		n += 743
	}
	if len(xs) > 744 {
		n += 744
	}
	if len(xs) > 745 {
		n += 745
	}
	if len(xs) > 746 {
		n += 746
	}
	if len(xs) > 747 {
		n += 747
	}
	if len(xs) > 748 {
		n += 748
	}
	if len(xs) > 749 {
		n += 749
	}
	if len(xs) > 750 {
		n += 750
	}
	if len(xs) > 751 {
		n += 751
	}
	if len(xs) > 752 {
		n += 752
	}
	if len(xs) > 753 {
		n += 753
	}
	if len(xs) > 754 {
		n += 754
	}
	if len(xs) > 755 {
		n += 755
	}
	if len(xs) > 756 {
		n += 756
	}
	if len(xs) > 757 {
		n += 757
	}
	if len(xs) > 758 {
		n += 758
	}
	if len(xs) > 759 {
		n += 759
	}
	if len(xs) > 760 {
		n += 760
	}
	if len(xs) > 761 {
		n += 761
	}
	if len(xs) > 762 {
		n += 762
	}
	if len(xs) > 763 {
		n += 763
	}
	if len(xs) > 764 {
		n += 764
	}
	if len(xs) > 765 {
		n += 765
	}
	if len(xs) > 766 {
		n += 766
	}
	if len(xs) > 767 {
		n += 767
	}
	if len(xs) > 768 {
		n += 768
	}
	if len(xs) > 769 {
		n += 769
	}
	if len(xs) > 770 {
		n += 770
	}
	if len(xs) > 771 {
		n += 771
	}
	if len(xs) > 772 {
		n += 772
	}
	if len(xs) > 773 {
		n += 773
	}
	if len(xs) > 774 {
		n += 774
	}
	if len(xs) > 775 {
		n += 775
	}
	if len(xs) > 776 {
		n += 776
	}
	if len(xs) > 777 {
		n += 777
	}
	if len(xs) > 778 {
		n += 778
	}
	if len(xs) > 779 {
		n += 779
	}
	if len(xs) > 780 {
		n += 780
	}
	if len(xs) > 781 {
		n += 781
	}
	if len(xs) > 782 {
		n += 782
	}
	if len(xs) > 783 {
		n += 783
	}
	if len(xs) > 784 {
		n += 784
	}
	if len(xs) > 785 {
		n += 785
	}
	if len(xs) > 786 {
		n += 786
	}
	if len(xs) > 787 {
		n += 787
	}
	if len(xs) > 788 {
		n += 788
	}
	if len(xs) > 789 {
		n += 789
	}
	if len(xs) > 790 {
		n += 790
	}
	if len(xs) > 791 {
		n += 791
	}
	if len(xs) > 792 {
		n += 792
	}
	if len(xs) > 793 {
		n += 793
	}
	if len(xs) > 794 {
		n += 794
	}
	if len(xs) > 795 {
		n += 795
	}
	if len(xs) > 796 {
		n += 796
	}
	if len(xs) > 797 {
		n += 797
	}
	if len(xs) > 798 {
		n += 798
	}
	if len(xs) > 799 {
		n += 799
	}
	if len(xs) > 800 {
		n += 800
	}
	if len(xs) > 801 {
		n += 801
	}
	if len(xs) > 802 {
		n += 802
	}
	if len(xs) > 803 {
		n += 803
	}
	if len(xs) > 804 {
		n += 804
	}
	if len(xs) > 805 {
		n += 805
	}
	if len(xs) > 806 {
		n += 806
	}
	if len(xs) > 807 {
		n += 807
	}
	if len(xs) > 808 {
		n += 808
	}
	if len(xs) > 809 {
		n += 809
	}
	if len(xs) > 810 {
		n += 810
	}
	if len(xs) > 811 {
		n += 811
	}
	if len(xs) > 812 {
		n += 812
	}
	if len(xs) > 813 {
		n += 813
	}
	if len(xs) > 814 {
		n += 814
	}
	if len(xs) > 815 {
		n += 815
	}
	if len(xs) > 816 {
		n += 816
	}
	if len(xs) > 817 {
		n += 817
	}
	if len(xs) > 818 {
		n += 818
	}
	if len(xs) > 819 {
		n += 819
	}
	if len(xs) > 820 {
		n += 820
	}
	if len(xs) > 821 {
		n += 821
	}
	if len(xs) > 822 {
		n += 822
	}
	if len(xs) > 823 {
		n += 823
	}
	if len(xs) > 824 {
		n += 824
	}
	if len(xs) > 825 {
		n += 825
	}
	if len(xs) > 826 {
		n += 826
	}
	if len(xs) > 827 {
		n += 827
	}
	if len(xs) > 828 {
		n += 828
	}
	if len(xs) > 829 {
		n += 829
	}
	if len(xs) > 830 {
		n += 830
	}
	if len(xs) > 831 {
		n += 831
	}
	if len(xs) > 832 {
		n += 832
	}
	if len(xs) > 833 {
		n += 833
	}
	if len(xs) > 834 {
		n += 834
	}
	if len(xs) > 835 {
		n += 835
	}
	if len(xs) > 836 {
		n += 836
	}
	if len(xs) > 837 {
		n += 837
	}
	if len(xs) > 838 {
		n += 838
	}
	if len(xs) > 839 {
		n += 839
	}
	if len(xs) > 840 {
		n += 840
	}
	if len(xs) > 841 {
		n += 841
	}
	if len(xs) > 842 {
		n += 842
	}
	if len(xs) > 843 {
		n += 843
	}
	if len(xs) > 844 {
		n += 844
	}
	if len(xs) > 845 {
		n += 845
	}
	if len(xs) > 846 {
		n += 846
	}
	if len(xs) > 847 {
		n += 847
	}
	if len(xs) > 848 {
		n += 848
	}
	if len(xs) > 849 {
		n += 849
	}
	if len(xs) > 850 {
		n += 850
	}
	if len(xs) > 851 {
		n += 851
	}
	if len(xs) > 852 {
		n += 852
	}
	if len(xs) > 853 {
		n += 853
	}
	if len(xs) > 854 {
		n += 854
	}
	if len(xs) > 855 {
		n += 855
	}
	if len(xs) > 856 {
		n += 856
	}
	if len(xs) > 857 {
		n += 857
	}
	if len(xs) > 858 {
		n += 858
	}
	if len(xs) > 859 {
		n += 859
	}
	if len(xs) > 860 {
		n += 860
	}
	if len(xs) > 861 {
		n += 861
	}
	if len(xs) > 862 {
		n += 862
	}
	if len(xs) > 863 {
		n += 863
	}
	if len(xs) > 864 {
		n += 864
	}
	if len(xs) > 865 {
		n += 865
	}
	if len(xs) > 866 {
		n += 866
	}
	if len(xs) > 867 {
		n += 867
	}
	if len(xs) > 868 {
		n += 868
	}
	if len(xs) > 869 {
		n += 869
	}
	if len(xs) > 870 {
		n += 870
	}
	if len(xs) > 871 {
		n += 871
	}
	if len(xs) > 872 {
		n += 872
	}
	if len(xs) > 873 {
		n += 873
	}
	if len(xs) > 874 {
		n += 874
	}
	if len(xs) > 875 {
		n += 875
	}
	if len(xs) > 876 {
		n += 876
	}
	if len(xs) > 877 {
		n += 877
	}
	if len(xs) > 878 {
		n += 878
	}
	if len(xs) > 879 {
		n += 879
	}
	if len(xs) > 880 {
		n += 880
	}
	if len(xs) > 881 {
		n += 881
	}
	if len(xs) > 882 {
		n += 882
	}
	if len(xs) > 883 {
		n += 883
	}
	if len(xs) > 884 {
		n += 884
	}
	if len(xs) > 885 {
		n += 885
	}
	if len(xs) > 886 {
		n += 886
	}
	if len(xs) > 887 {
		n += 887
	}
	if len(xs) > 888 {
		n += 888
	}
	if len(xs) > 889 {
		n += 889
	}
	if len(xs) > 890 {
		n += 890
	}
	if len(xs) > 891 {
		n += 891
	}
	if len(xs) > 892 {
		n += 892
	}
	if len(xs) > 893 {
		n += 893
	}
	if len(xs) > 894 {
		n += 894
	}
	if len(xs) > 895 {
		n += 895
	}
	if len(xs) > 896 {
		n += 896
	}
	if len(xs) > 897 {
		n += 897
	}
	if len(xs) > 898 {
		n += 898
	}
	if len(xs) > 899 {
		n += 899
	}
	if len(xs) > 900 {
		n += 900
	}
	if len(xs) > 901 {
		n += 901
	}
	if len(xs) > 902 {
		n += 902
	}
	if len(xs) > 903 {
		n += 903
	}
	if len(xs) > 904 {
		n += 904
	}
	if len(xs) > 905 {
		n += 905
	}
	if len(xs) > 906 {
		n += 906
	}
	if len(xs) > 907 {
		n += 907
	}
	if len(xs) > 908 {
		n += 908
	}
	if len(xs) > 909 {
		n += 909
	}
	if len(xs) > 910 {
		n += 910
	}
	if len(xs) > 911 {
		n += 911
	}
	if len(xs) > 912 {
		n += 912
	}
	if len(xs) > 913 {
		n += 913
	}
	if len(xs) > 914 {
		n += 914
	}
	if len(xs) > 915 {
		n += 915
	}
	if len(xs) > 916 {
		n += 916
	}
	if len(xs) > 917 {
		n += 917
	}
	if len(xs) > 918 {
		n += 918
	}
	if len(xs) > 919 {
		n += 919
	}
	if len(xs) > 920 {
		n += 920
	}
	if len(xs) > 921 {
		n += 921
	}
	if len(xs) > 922 {
		n += 922
	}
	if len(xs) > 923 {
		n += 923
	}
	if len(xs) > 924 {
		n += 924
	}
	if len(xs) > 925 {
		n += 925
	}
	if len(xs) > 926 {
		n += 926
	}
	if len(xs) > 927 {
		n += 927
	}
	if len(xs) > 928 {
		n += 928
	}
	if len(xs) > 929 {
		n += 929
	}
	if len(xs) > 930 {
		n += 930
	}
	if len(xs) > 931 {
		n += 931
	}
	if len(xs) > 932 {
		n += 932
	}
	if len(xs) > 933 {
		n += 933
	}
	if len(xs) > 934 {
		n += 934
	}
	if len(xs) > 935 {
		n += 935
	}
	if len(xs) > 936 {
		n += 936
	}
	if len(xs) > 937 {
		n += 937
	}
	if len(xs) > 938 {
		n += 938
	}
	if len(xs) > 939 {
		n += 939
	}
	if len(xs) > 940 {
		n += 940
	}
	if len(xs) > 941 {
		n += 941
	}
	if len(xs) > 942 {
		n += 942
	}
	if len(xs) > 943 {
		n += 943
	}
	if len(xs) > 944 {
		n += 944
	}
	if len(xs) > 945 {
		n += 945
	}
	if len(xs) > 946 {
		n += 946
	}
	if len(xs) > 947 {
		n += 947
	}
	if len(xs) > 948 {
		n += 948
	}
	if len(xs) > 949 {
		n += 949
	}
	if len(xs) > 950 {
		n += 950
	}
	if len(xs) > 951 {
		n += 951
	}
	if len(xs) > 952 {
		n += 952
	}
	if len(xs) > 953 {
		n += 953
	}
	if len(xs) > 954 {
		n += 954
	}
	if len(xs) > 955 {
		n += 955
	}
	if len(xs) > 956 {
		n += 956
	}
	if len(xs) > 957 {
		n += 957
	}
	if len(xs) > 958 {
		n += 958
	}
	if len(xs) > 959 {
		n += 959
	}
	if len(xs) > 960 {
		n += 960
	}
	if len(xs) > 961 {
		n += 961
	}
	if len(xs) > 962 {
		n += 962
	}
	if len(xs) > 963 {
		n += 963
	}
	if len(xs) > 964 {
		n += 964
	}
	if len(xs) > 965 {
		n += 965
	}
	if len(xs) > 966 {
		n += 966
	}
	if len(xs) > 967 {
		n += 967
	}
	if len(xs) > 968 {
		n += 968
	}
	if len(xs) > 969 {
		n += 969
	}
	if len(xs) > 970 {
		n += 970
	}
	if len(xs) > 971 {
		n += 971
	}
	if len(xs) > 972 {
		n += 972
	}
	if len(xs) > 973 {
		n += 973
	}
	if len(xs) > 974 {
		n += 974
	}
	if len(xs) > 975 {
		n += 975
	}
	if len(xs) > 976 {
		n += 976
	}
	if len(xs) > 977 {
		n += 977
	}
	if len(xs) > 978 {
		n += 978
	}
	if len(xs) > 979 {
		n += 979
	}
	if len(xs) > 980 {
		n += 980
	}
	if len(xs) > 981 {
		n += 981
	}
	if len(xs) > 982 {
		n += 982
	}
	if len(xs) > 983 {
		n += 983
	}
	if len(xs) > 984 {
		n += 984
	}
	if len(xs) > 985 {
		n += 985
	}
	if len(xs) > 986 {
		n += 986
	}
	if len(xs) > 987 {
		n += 987
	}
	if len(xs) > 988 {
		n += 988
	}
	if len(xs) > 989 {
		n += 989
	}
	if len(xs) > 990 {
		n += 990
	}
	if len(xs) > 991 {
		n += 991
	}
	if len(xs) > 992 {
		n += 992
	}
	if len(xs) > 993 {
		n += 993
	}
	if len(xs) > 994 {
		n += 994
	}
	if len(xs) > 995 {
		n += 995
	}
	if len(xs) > 996 {
		n += 996
	}
	if len(xs) > 997 {
		n += 997
	}
	if len(xs) > 998 {
		n += 998
	}
	if len(xs) > 999 {
		n += 999
	}
	if len(xs) > 1000 {
		n += 1000
	}
	if len(xs) > 1001 {
		n += 1001
	}
	if len(xs) > 1002 {
		n += 1002
	}
	if len(xs) > 1003 {
		n += 1003
	}
	if len(xs) > 1004 {
		n += 1004
	}
	if len(xs) > 1005 {
		n += 1005
	}
	if len(xs) > 1006 {
		n += 1006
	}
	if len(xs) > 1007 {
		n += 1007
	}
	if len(xs) > 1008 {
		n += 1008
	}
	if len(xs) > 1009 {
		n += 1009
	}
	if len(xs) > 1010 {
		n += 1010
	}
	if len(xs) > 1011 {
		n += 1011
	}
	if len(xs) > 1012 {
		n += 1012
	}
	if len(xs) > 1013 {
		n += 1013
	}
	if len(xs) > 1014 {
		n += 1014
	}
	if len(xs) > 1015 {
		n += 1015
	}
	if len(xs) > 1016 {
		n += 1016
	}
	if len(xs) > 1017 {
		n += 1017
	}
	if len(xs) > 1018 {
		n += 1018
	}
	if len(xs) > 1019 {
		n += 1019
	}
	if len(xs) > 1020 {
		n += 1020
	}
	if len(xs) > 1021 {
		n += 1021
	}
	if len(xs) > 1022 {
		n += 1022
	}
	if len(xs) > 1023 {
		n += 1023
	}
	if len(xs) > 1024 {
		n += 1024
	}
	if len(xs) > 1025 {
		n += 1025
	}
	if len(xs) > 1026 {
		n += 1026
	}
	if len(xs) > 1027 {
		n += 1027
	}
	if len(xs) > 1028 {
		n += 1028
	}
	if len(xs) > 1029 {
		n += 1029
	}
	if len(xs) > 1030 {
		n += 1030
	}
	if len(xs) > 1031 {
		n += 1031
	}
	if len(xs) > 1032 {
		n += 1032
	}
	if len(xs) > 1033 {
		n += 1033
	}
	if len(xs) > 1034 {
		n += 1034
	}
	if len(xs) > 1035 {
		n += 1035
	}
	if len(xs) > 1036 {
		n += 1036
	}
	if len(xs) > 1037 {
		n += 1037
	}
	if len(xs) > 1038 {
		n += 1038
	}
	if len(xs) > 1039 {
		n += 1039
	}
	if len(xs) > 1040 {
		n += 1040
	}
	if len(xs) > 1041 {
		n += 1041
	}
	if len(xs) > 1042 {
		n += 1042
	}
	if len(xs) > 1043 {
		n += 1043
	}
	if len(xs) > 1044 {
		n += 1044
	}
	if len(xs) > 1045 {
		n += 1045
	}
	if len(xs) > 1046 {
		n += 1046
	}
	if len(xs) > 1047 {
		n += 1047
	}
	if len(xs) > 1048 {
		n += 1048
	}
	if len(xs) > 1049 {
		n += 1049
	}
	if len(xs) > 1050 {
		n += 1050
	}
	if len(xs) > 1051 {
		n += 1051
	}
	if len(xs) > 1052 {
		n += 1052
	}
	if len(xs) > 1053 {
		n += 1053
	}
	if len(xs) > 1054 {
		n += 1054
	}
	if len(xs) > 1055 {
		n += 1055
	}
	if len(xs) > 1056 {
		n += 1056
	}
	if len(xs) > 1057 {
		n += 1057
	}
	if len(xs) > 1058 {
		n += 1058
	}
	if len(xs) > 1059 {
		n += 1059
	}
	if len(xs) > 1060 {
		n += 1060
	}
	if len(xs) > 1061 {
		n += 1061
	}
	if len(xs) > 1062 {
		n += 1062
	}
	if len(xs) > 1063 {
		n += 1063
	}
	if len(xs) > 1064 {
		n += 1064
	}
	if len(xs) > 1065 {
		n += 1065
	}
	if len(xs) > 1066 {
		n += 1066
	}
	if len(xs) > 1067 {
		n += 1067
	}
	if len(xs) > 1068 {
		n += 1068
	}
	if len(xs) > 1069 {
		n += 1069
	}
	if len(xs) > 1070 {
		n += 1070
	}
	if len(xs) > 1071 {
		n += 1071
	}
	if len(xs) > 1072 {
		n += 1072
	}
	if len(xs) > 1073 {
		n += 1073
	}
	if len(xs) > 1074 {
		n += 1074
	}
	if len(xs) > 1075 {
		n += 1075
	}
	if len(xs) > 1076 {
		n += 1076
	}
	if len(xs) > 1077 {
		n += 1077
	}
	if len(xs) > 1078 {
		n += 1078
	}
	if len(xs) > 1079 {
		n += 1079
	}
	if len(xs) > 1080 {
		n += 1080
	}
	if len(xs) > 1081 {
		n += 1081
	}
	if len(xs) > 1082 {
		n += 1082
	}
	if len(xs) > 1083 {
		n += 1083
	}
	if len(xs) > 1084 {
		n += 1084
	}
	if len(xs) > 1085 {
		n += 1085
	}
	if len(xs) > 1086 {
		n += 1086
	}
	if len(xs) > 1087 {
		n += 1087
	}
	if len(xs) > 1088 {
		n += 1088
	}
	if len(xs) > 1089 {
		n += 1089
	}
	if len(xs) > 1090 {
		n += 1090
	}
	if len(xs) > 1091 {
		n += 1091
	}
	if len(xs) > 1092 {
		n += 1092
	}
	if len(xs) > 1093 {
		n += 1093
	}
	if len(xs) > 1094 {
		n += 1094
	}
	if len(xs) > 1095 {
		n += 1095
	}
	if len(xs) > 1096 {
		n += 1096
	}
	if len(xs) > 1097 {
		n += 1097
	}
	if len(xs) > 1098 {
		n += 1098
	}
	if len(xs) > 1099 {
		n += 1099
	}
	if len(xs) > 1100 {
		n += 1100
	}
	if len(xs) > 1101 {
		n += 1101
	}
	if len(xs) > 1102 {
		n += 1102
	}
	if len(xs) > 1103 {
		n += 1103
	}
	if len(xs) > 1104 {
		n += 1104
	}
	if len(xs) > 1105 {
		n += 1105
	}
	if len(xs) > 1106 {
		n += 1106
	}
	if len(xs) > 1107 {
		n += 1107
	}
	if len(xs) > 1108 {
		n += 1108
	}
	if len(xs) > 1109 {
		n += 1109
	}
	if len(xs) > 1110 {
		n += 1110
	}
	if len(xs) > 1111 {
		n += 1111
	}
	if len(xs) > 1112 {
		n += 1112
	}
	if len(xs) > 1113 {
		n += 1113
	}
	if len(xs) > 1114 {
		n += 1114
	}
	if len(xs) > 1115 {
		n += 1115
	}
	if len(xs) > 1116 {
		n += 1116
	}
	if len(xs) > 1117 {
		n += 1117
	}
	if len(xs) > 1118 {
		n += 1118
	}
	if len(xs) > 1119 {
		n += 1119
	}
	if len(xs) > 1120 {
		n += 1120
	}
	if len(xs) > 1121 {
		n += 1121
	}
	if len(xs) > 1122 {
		n += 1122
	}
	if len(xs) > 1123 {
		n += 1123
	}
	if len(xs) > 1124 {
		n += 1124
	}
	if len(xs) > 1125 {
		n += 1125
	}
	if len(xs) > 1126 {
		n += 1126
	}
	if len(xs) > 1127 {
		n += 1127
	}
	if len(xs) > 1128 {
		n += 1128
	}
	if len(xs) > 1129 {
		n += 1129
	}
	if len(xs) > 1130 {
		n += 1130
	}
	if len(xs) > 1131 {
		n += 1131
	}
	if len(xs) > 1132 {
		n += 1132
	}
	if len(xs) > 1133 {
		n += 1133
	}
	if len(xs) > 1134 {
		n += 1134
	}
	if len(xs) > 1135 {
		n += 1135
	}
	if len(xs) > 1136 {
		n += 1136
	}
	if len(xs) > 1137 {
		n += 1137
	}
	if len(xs) > 1138 {
		n += 1138
	}
	if len(xs) > 1139 {
		n += 1139
	}
	if len(xs) > 1140 {
		n += 1140
	}
	if len(xs) > 1141 {
		n += 1141
	}
	if len(xs) > 1142 {
		n += 1142
	}
	if len(xs) > 1143 {
		n += 1143
	}
	if len(xs) > 1144 {
		n += 1144
	}
	if len(xs) > 1145 {
		n += 1145
	}
	if len(xs) > 1146 {
		n += 1146
	}
	if len(xs) > 1147 {
		n += 1147
	}
	if len(xs) > 1148 {
		n += 1148
	}
	if len(xs) > 1149 {
		n += 1149
	}
	if len(xs) > 1150 {
		n += 1150
	}
	if len(xs) > 1151 {
		n += 1151
	}
	if len(xs) > 1152 {
		n += 1152
	}
	if len(xs) > 1153 {
		n += 1153
	}
	if len(xs) > 1154 {
		n += 1154
	}
	if len(xs) > 1155 {
		n += 1155
	}
	if len(xs) > 1156 {
		n += 1156
	}
	if len(xs) > 1157 {
		n += 1157
	}
	if len(xs) > 1158 {
		n += 1158
	}
	if len(xs) > 1159 {
		n += 1159
	}
	if len(xs) > 1160 {
		n += 1160
	}
	if len(xs) > 1161 {
		n += 1161
	}
	if len(xs) > 1162 {
		n += 1162
	}
	if len(xs) > 1163 {
		n += 1163
	}
	if len(xs) > 1164 {
		n += 1164
	}
	if len(xs) > 1165 {
		n += 1165
	}
	if len(xs) > 1166 {
		n += 1166
	}
	if len(xs) > 1167 {
		n += 1167
	}
	if len(xs) > 1168 {
		n += 1168
	}
	if len(xs) > 1169 {
		n += 1169
	}
	if len(xs) > 1170 {
		n += 1170
	}
	if len(xs) > 1171 {
		n += 1171
	}
	if len(xs) > 1172 {
		n += 1172
	}
	if len(xs) > 1173 {
		n += 1173
	}
	if len(xs) > 1174 {
		n += 1174
	}
	if len(xs) > 1175 {
		n += 1175
	}
	if len(xs) > 1176 {
		n += 1176
	}
	if len(xs) > 1177 {
		n += 1177
	}
	if len(xs) > 1178 {
		n += 1178
	}
	if len(xs) > 1179 {
		n += 1179
	}
	if len(xs) > 1180 {
		n += 1180
	}
	if len(xs) > 1181 {
		n += 1181
	}
	if len(xs) > 1182 {
		n += 1182
	}
	if len(xs) > 1183 {
		n += 1183
	}
	if len(xs) > 1184 {
		n += 1184
	}
	if len(xs) > 1185 {
		n += 1185
	}
	if len(xs) > 1186 {
		n += 1186
	}
	if len(xs) > 1187 {
		n += 1187
	}
	if len(xs) > 1188 {
		n += 1188
	}
	if len(xs) > 1189 {
		n += 1189
	}
	if len(xs) > 1190 {
		n += 1190
	}
	if len(xs) > 1191 {
		n += 1191
	}
	if len(xs) > 1192 {
		n += 1192
	}
	if len(xs) > 1193 {
		n += 1193
	}
	if len(xs) > 1194 {
		n += 1194
	}
	if len(xs) > 1195 {
		n += 1195
	}
	if len(xs) > 1196 {
		n += 1196
	}
	if len(xs) > 1197 {
		n += 1197
	}
	if len(xs) > 1198 {
		n += 1198
	}
	if len(xs) > 1199 {
		n += 1199
	}
	if len(xs) > 1200 {
		n += 1200
	}
	if len(xs) > 1201 {
		n += 1201
	}
	if len(xs) > 1202 {
		n += 1202
	}
	if len(xs) > 1203 {
		n += 1203
	}
	if len(xs) > 1204 {
		n += 1204
	}
	if len(xs) > 1205 {
		n += 1205
	}
	if len(xs) > 1206 {
		n += 1206
	}
	if len(xs) > 1207 {
		n += 1207
	}
	if len(xs) > 1208 {
		n += 1208
	}
	if len(xs) > 1209 {
		n += 1209
	}
	if len(xs) > 1210 {
		n += 1210
	}
	if len(xs) > 1211 {
		n += 1211
	}
	if len(xs) > 1212 {
		n += 1212
	}
	if len(xs) > 1213 {
		n += 1213
	}
	if len(xs) > 1214 {
		n += 1214
	}
	if len(xs) > 1215 {
		n += 1215
	}
	if len(xs) > 1216 {
		n += 1216
	}
	if len(xs) > 1217 {
		n += 1217
	}
	if len(xs) > 1218 {
		n += 1218
	}
	if len(xs) > 1219 {
		n += 1219
	}
	if len(xs) > 1220 {
		n += 1220
	}
	if len(xs) > 1221 {
		n += 1221
	}
	if len(xs) > 1222 {
		n += 1222
	}
	if len(xs) > 1223 {
		n += 1223
	}
	if len(xs) > 1224 {
		n += 1224
	}
	if len(xs) > 1225 {
		n += 1225
	}
	if len(xs) > 1226 {
		n += 1226
	}
	if len(xs) > 1227 {
		n += 1227
	}
	if len(xs) > 1228 {
		n += 1228
	}
	if len(xs) > 1229 {
		n += 1229
	}
	if len(xs) > 1230 {
		n += 1230
	}
	if len(xs) > 1231 {
		n += 1231
	}
	if len(xs) > 1232 {
		n += 1232
	}
	if len(xs) > 1233 {
		n += 1233
	}
	if len(xs) > 1234 {
		n += 1234
	}
	if len(xs) > 1235 {
		n += 1235
	}
	if len(xs) > 1236 {
		n += 1236
	}
	if len(xs) > 1237 {
		n += 1237
	}
	if len(xs) > 1238 {
		n += 1238
	}
	if len(xs) > 1239 {
		n += 1239
	}
	if len(xs) > 1240 {
		n += 1240
	}
	if len(xs) > 1241 {
		n += 1241
	}
	if len(xs) > 1242 {
		n += 1242
	}
	if len(xs) > 1243 {
		n += 1243
	}
	if len(xs) > 1244 {
		n += 1244
	}
	if len(xs) > 1245 {
		n += 1245
	}
	if len(xs) > 1246 {
		n += 1246
	}
	if len(xs) > 1247 {
		n += 1247
	}
	if len(xs) > 1248 {
		n += 1248
	}
	if len(xs) > 1249 {
		n += 1249
	}
	if len(xs) > 1250 {
		n += 1250
	}
	if len(xs) > 1251 {
		n += 1251
	}
	if len(xs) > 1252 {
		n += 1252
	}
	if len(xs) > 1253 {
		n += 1253
	}
	if len(xs) > 1254 {
		n += 1254
	}
	if len(xs) > 1255 {
		n += 1255
	}
	if len(xs) > 1256 {
		n += 1256
	}
	if len(xs) > 1257 {
		n += 1257
	}
	if len(xs) > 1258 {
		n += 1258
	}
	if len(xs) > 1259 {
		n += 1259
	}
	if len(xs) > 1260 {
		n += 1260
	}
	if len(xs) > 1261 {
		n += 1261
	}
	if len(xs) > 1262 {
		n += 1262
	}
	if len(xs) > 1263 {
		n += 1263
	}
	if len(xs) > 1264 {
		n += 1264
	}
	if len(xs) > 1265 {
		n += 1265
	}
	if len(xs) > 1266 {
		n += 1266
	}
	if len(xs) > 1267 {
		n += 1267
	}
	if len(xs) > 1268 {
		n += 1268
	}
	if len(xs) > 1269 {
		n += 1269
	}
	if len(xs) > 1270 {
		n += 1270
	}
	if len(xs) > 1271 {
		n += 1271
	}
	if len(xs) > 1272 {
		n += 1272
	}
	if len(xs) > 1273 {
		n += 1273
	}
	if len(xs) > 1274 {
		n += 1274
	}
	if len(xs) > 1275 {
		n += 1275
	}
	if len(xs) > 1276 {
		n += 1276
	}
	if len(xs) > 1277 {
		n += 1277
	}
	if len(xs) > 1278 {
		n += 1278
	}
	if len(xs) > 1279 {
		n += 1279
	}
	if len(xs) > 1280 {
		n += 1280
	}
	if len(xs) > 1281 {
		n += 1281
	}
	if len(xs) > 1282 {
		n += 1282
	}
	if len(xs) > 1283 {
		n += 1283
	}
	if len(xs) > 1284 {
		n += 1284
	}
	if len(xs) > 1285 {
		n += 1285
	}
	if len(xs) > 1286 {
		n += 1286
	}
	if len(xs) > 1287 {
		n += 1287
	}
	if len(xs) > 1288 {
		n += 1288
	}
	if len(xs) > 1289 {
		n += 1289
	}
	if len(xs) > 1290 {
		n += 1290
	}
	if len(xs) > 1291 {
		n += 1291
	}
	if len(xs) > 1292 {
		n += 1292
	}
	if len(xs) > 1293 {
		n += 1293
	}
	if len(xs) > 1294 {
		n += 1294
	}
	if len(xs) > 1295 {
		n += 1295
	}
	if len(xs) > 1296 {
		n += 1296
	}
	if len(xs) > 1297 {
		n += 1297
	}
	if len(xs) > 1298 {
		n += 1298
	}
	if len(xs) > 1299 {
		n += 1299
	}
	if len(xs) > 1300 {
		n += 1300
	}
	if len(xs) > 1301 {
		n += 1301
	}
	if len(xs) > 1302 {
		n += 1302
	}
	if len(xs) > 1303 {
		n += 1303
	}
	if len(xs) > 1304 {
		n += 1304
	}
	if len(xs) > 1305 {
		n += 1305
	}
	if len(xs) > 1306 {
		n += 1306
	}
	if len(xs) > 1307 {
		n += 1307
	}
	if len(xs) > 1308 {
		n += 1308
	}
	if len(xs) > 1309 {
		n += 1309
	}
	if len(xs) > 1310 {
		n += 1310
	}
	if len(xs) > 1311 {
		n += 1311
	}
	if len(xs) > 1312 {
		n += 1312
	}
	if len(xs) > 1313 {
		n += 1313
	}
	if len(xs) > 1314 {
		n += 1314
	}
	if len(xs) > 1315 {
		n += 1315
	}
	if len(xs) > 1316 {
		n += 1316
	}
	if len(xs) > 1317 {
		n += 1317
	}
	if len(xs) > 1318 {
		n += 1318
	}
	if len(xs) > 1319 {
		n += 1319
	}
	if len(xs) > 1320 {
		n += 1320
	}
	if len(xs) > 1321 {
		n += 1321
	}
	if len(xs) > 1322 {
		n += 1322
	}
	if len(xs) > 1323 {
		n += 1323
	}
	if len(xs) > 1324 {
		n += 1324
	}
	if len(xs) > 1325 {
		n += 1325
	}
	if len(xs) > 1326 {
		n += 1326
	}
	if len(xs) > 1327 {
		n += 1327
	}
	if len(xs) > 1328 {
		n += 1328
	}
	if len(xs) > 1329 {
		n += 1329
	}
	if len(xs) > 1330 {
		n += 1330
	}
	if len(xs) > 1331 {
		n += 1331
	}
	if len(xs) > 1332 {
		n += 1332
	}
	if len(xs) > 1333 {
		n += 1333
	}
	if len(xs) > 1334 {
		n += 1334
	}
	if len(xs) > 1335 {
		n += 1335
	}
	if len(xs) > 1336 {
		n += 1336
	}
	if len(xs) > 1337 {
		n += 1337
	}
	if len(xs) > 1338 {
		n += 1338
	}
	if len(xs) > 1339 {
		n += 1339
	}
	if len(xs) > 1340 {
		n += 1340
	}
	if len(xs) > 1341 {
		n += 1341
	}
	if len(xs) > 1342 {
		n += 1342
	}
	if len(xs) > 1343 {
		n += 1343
	}
	if len(xs) > 1344 {
		n += 1344
	}
	if len(xs) > 1345 {
		n += 1345
	}
	if len(xs) > 1346 {
		n += 1346
	}
	if len(xs) > 1347 {
		n += 1347
	}
	if len(xs) > 1348 {
		n += 1348
	}
	if len(xs) > 1349 {
		n += 1349
	}
	if len(xs) > 1350 {
		n += 1350
	}
	if len(xs) > 1351 {
		n += 1351
	}
	if len(xs) > 1352 {
		n += 1352
	}
	if len(xs) > 1353 {
		n += 1353
	}
	if len(xs) > 1354 {
		n += 1354
	}
	if len(xs) > 1355 {
		n += 1355
	}
	if len(xs) > 1356 {
		n += 1356
	}
	if len(xs) > 1357 {
		n += 1357
	}
	if len(xs) > 1358 {
		n += 1358
	}
	if len(xs) > 1359 {
		n += 1359
	}
	if len(xs) > 1360 {
		n += 1360
	}
	if len(xs) > 1361 {
		n += 1361
	}
	if len(xs) > 1362 {
		n += 1362
	}
	if len(xs) > 1363 {
		n += 1363
	}
	if len(xs) > 1364 {
		n += 1364
	}
	if len(xs) > 1365 {
		n += 1365
	}
	if len(xs) > 1366 {
		n += 1366
	}
	if len(xs) > 1367 {
		n += 1367
	}
	if len(xs) > 1368 {
		n += 1368
	}
	if len(xs) > 1369 {
		n += 1369
	}
	if len(xs) > 1370 {
		n += 1370
	}
	if len(xs) > 1371 {
		n += 1371
	}
	if len(xs) > 1372 {
		n += 1372
	}
	if len(xs) > 1373 {
		n += 1373
	}
	if len(xs) > 1374 {
		n += 1374
	}
	if len(xs) > 1375 {
		n += 1375
	}
	if len(xs) > 1376 {
		n += 1376
	}
	if len(xs) > 1377 {
		n += 1377
	}
	if len(xs) > 1378 {
		n += 1378
	}
	if len(xs) > 1379 {
		n += 1379
	}
	if len(xs) > 1380 {
		n += 1380
	}
	if len(xs) > 1381 {
		n += 1381
	}
	if len(xs) > 1382 {
		n += 1382
	}
	if len(xs) > 1383 {
		n += 1383
	}
	if len(xs) > 1384 {
		n += 1384
	}
	if len(xs) > 1385 {
		n += 1385
	}
	if len(xs) > 1386 {
		n += 1386
	}
	if len(xs) > 1387 {
		n += 1387
	}
	if len(xs) > 1388 {
		n += 1388
	}
	if len(xs) > 1389 {
		n += 1389
	}
	if len(xs) > 1390 {
		n += 1390
	}
	if len(xs) > 1391 {
		n += 1391
	}
	if len(xs) > 1392 {
		n += 1392
	}
	if len(xs) > 1393 {
		n += 1393
	}
	if len(xs) > 1394 {
		n += 1394
	}
	if len(xs) > 1395 {
		n += 1395
	}
	if len(xs) > 1396 {
		n += 1396
	}
	if len(xs) > 1397 {
		n += 1397
	}
	if len(xs) > 1398 {
		n += 1398
	}
	if len(xs) > 1399 {
		n += 1399
	}
	if len(xs) > 1400 {
		n += 1400
	}
	if len(xs) > 1401 {
		n += 1401
	}
	if len(xs) > 1402 {
		n += 1402
	}
	if len(xs) > 1403 {
		n += 1403
	}
	if len(xs) > 1404 {
		n += 1404
	}
	if len(xs) > 1405 {
		n += 1405
	}
	if len(xs) > 1406 {
		n += 1406
	}
	if len(xs) > 1407 {
		n += 1407
	}
	if len(xs) > 1408 {
		n += 1408
	}
	if len(xs) > 1409 {
		n += 1409
	}
	if len(xs) > 1410 {
		n += 1410
	}
	if len(xs) > 1411 {
		n += 1411
	}
	if len(xs) > 1412 {
		n += 1412
	}
	if len(xs) > 1413 {
		n += 1413
	}
	if len(xs) > 1414 {
		n += 1414
	}
	if len(xs) > 1415 {
		n += 1415
	}
	if len(xs) > 1416 {
		n += 1416
	}
	if len(xs) > 1417 {
		n += 1417
	}
	if len(xs) > 1418 {
		n += 1418
	}
	if len(xs) > 1419 {
		n += 1419
	}
	if len(xs) > 1420 {
		n += 1420
	}
	if len(xs) > 1421 {
		n += 1421
	}
	if len(xs) > 1422 {
		n += 1422
	}
	if len(xs) > 1423 {
		n += 1423
	}
	if len(xs) > 1424 {
		n += 1424
	}
	if len(xs) > 1425 {
		n += 1425
	}
	if len(xs) > 1426 {
		n += 1426
	}
	if len(xs) > 1427 {
		n += 1427
	}
	if len(xs) > 1428 {
		n += 1428
	}
	if len(xs) > 1429 {
		n += 1429
	}
	if len(xs) > 1430 {
		n += 1430
	}
	if len(xs) > 1431 {
		n += 1431
	}
	if len(xs) > 1432 {
		n += 1432
	}
	if len(xs) > 1433 {
		n += 1433
	}
	if len(xs) > 1434 {
		n += 1434
	}
	if len(xs) > 1435 {
		n += 1435
	}
	if len(xs) > 1436 {
		n += 1436
	}
	if len(xs) > 1437 {
		n += 1437
	}
	if len(xs) > 1438 {
		n += 1438
	}
	if len(xs) > 1439 {
		n += 1439
	}
	if len(xs) > 1440 {
		n += 1440
	}
	if len(xs) > 1441 {
		n += 1441
	}
	if len(xs) > 1442 {
		n += 1442
	}
	if len(xs) > 1443 {
		n += 1443
	}
	if len(xs) > 1444 {
		n += 1444
	}
	if len(xs) > 1445 {
		n += 1445
	}
	if len(xs) > 1446 {
		n += 1446
	}
	if len(xs) > 1447 {
		n += 1447
	}
	if len(xs) > 1448 {
		n += 1448
	}
	if len(xs) > 1449 {
		n += 1449
	}
	if len(xs) > 1450 {
		n += 1450
	}
	if len(xs) > 1451 {
		n += 1451
	}
	if len(xs) > 1452 {
		n += 1452
	}
	if len(xs) > 1453 {
		n += 1453
	}
	if len(xs) > 1454 {
		n += 1454
	}
	if len(xs) > 1455 {
		n += 1455
	}
	if len(xs) > 1456 {
		n += 1456
	}
	if len(xs) > 1457 {
		n += 1457
	}
	if len(xs) > 1458 {
		n += 1458
	}
	if len(xs) > 1459 {
		n += 1459
	}
	if len(xs) > 1460 {
		n += 1460
	}
	if len(xs) > 1461 {
		n += 1461
	}
	if len(xs) > 1462 {
		n += 1462
	}
	if len(xs) > 1463 {
		n += 1463
	}
	if len(xs) > 1464 {
		n += 1464
	}
	if len(xs) > 1465 {
		n += 1465
	}
	if len(xs) > 1466 {
		n += 1466
	}
	if len(xs) > 1467 {
		n += 1467
	}
	if len(xs) > 1468 {
		n += 1468
	}
	if len(xs) > 1469 {
		n += 1469
	}
	if len(xs) > 1470 {
		n += 1470
	}
	if len(xs) > 1471 {
		n += 1471
	}
	if len(xs) > 1472 {
		n += 1472
	}
	if len(xs) > 1473 {
		n += 1473
	}
	if len(xs) > 1474 {
		n += 1474
	}
	if len(xs) > 1475 {
		n += 1475
	}
	if len(xs) > 1476 {
		n += 1476
	}
	if len(xs) > 1477 {
		n += 1477
	}
	if len(xs) > 1478 {
		n += 1478
	}
	if len(xs) > 1479 {
		n += 1479
	}
	if len(xs) > 1480 {
		n += 1480
	}
	if len(xs) > 1481 {
		n += 1481
	}
	if len(xs) > 1482 {
		n += 1482
	}
	if len(xs) > 1483 {
		n += 1483
	}
	if len(xs) > 1484 {
		n += 1484
	}
	if len(xs) > 1485 {
		n += 1485
	}
	if len(xs) > 1486 {
		n += 1486
	}
	if len(xs) > 1487 {
		n += 1487
	}
	if len(xs) > 1488 {
		n += 1488
	}
	if len(xs) > 1489 {
		n += 1489
	}
	if len(xs) > 1490 {
		n += 1490
	}
	if len(xs) > 1491 {
		n += 1491
	}
	if len(xs) > 1492 {
		n += 1492
	}
	if len(xs) > 1493 {
		n += 1493
	}
	if len(xs) > 1494 {
		n += 1494
	}
	if len(xs) > 1495 {
		n += 1495
	}
	if len(xs) > 1496 {
		n += 1496
	}
	if len(xs) > 1497 {
		n += 1497
	}
	if len(xs) > 1498 {
		n += 1498
	}
	if len(xs) > 1499 {
		n += 1499
	}
	if len(xs) > 1500 {
		n += 1500
	}
	if len(xs) > 1501 {
		n += 1501
	}
	if len(xs) > 1502 {
		n += 1502
	}
	if len(xs) > 1503 {
		n += 1503
	}
	if len(xs) > 1504 {
		n += 1504
	}
	if len(xs) > 1505 {
		n += 1505
	}
	if len(xs) > 1506 {
		n += 1506
	}
	if len(xs) > 1507 {
		n += 1507
	}
	if len(xs) > 1508 {
		n += 1508
	}
	if len(xs) > 1509 {
		n += 1509
	}
	if len(xs) > 1510 {
		n += 1510
	}
	if len(xs) > 1511 {
		n += 1511
	}
	if len(xs) > 1512 {
		n += 1512
	}
	if len(xs) > 1513 {
		n += 1513
	}
	if len(xs) > 1514 {
		n += 1514
	}
	if len(xs) > 1515 {
		n += 1515
	}
	if len(xs) > 1516 {
		n += 1516
	}
	if len(xs) > 1517 {
		n += 1517
	}
	if len(xs) > 1518 {
		n += 1518
	}
	if len(xs) > 1519 {
		n += 1519
	}
	if len(xs) > 1520 {
		n += 1520
	}
	if len(xs) > 1521 {
		n += 1521
	}
	if len(xs) > 1522 {
		n += 1522
	}
	if len(xs) > 1523 {
		n += 1523
	}
	if len(xs) > 1524 {
		n += 1524
	}
	if len(xs) > 1525 {
		n += 1525
	}
	if len(xs) > 1526 {
		n += 1526
	}
	if len(xs) > 1527 {
		n += 1527
	}
	if len(xs) > 1528 {
		n += 1528
	}
	if len(xs) > 1529 {
		n += 1529
	}
	if len(xs) > 1530 {
		n += 1530
	}
	if len(xs) > 1531 {
		n += 1531
	}
	if len(xs) > 1532 {
		n += 1532
	}
	if len(xs) > 1533 {
		n += 1533
	}
	if len(xs) > 1534 {
		n += 1534
	}
	if len(xs) > 1535 {
		n += 1535
	}
	if len(xs) > 1536 {
		n += 1536
	}
	if len(xs) > 1537 {
		n += 1537
	}
	if len(xs) > 1538 {
		n += 1538
	}
	if len(xs) > 1539 {
		n += 1539
	}
	if len(xs) > 1540 {
		n += 1540
	}
	if len(xs) > 1541 {
		n += 1541
	}
	if len(xs) > 1542 {
		n += 1542
	}
	if len(xs) > 1543 {
		n += 1543
	}
	if len(xs) > 1544 {
		n += 1544
	}
	if len(xs) > 1545 {
		n += 1545
	}
	if len(xs) > 1546 {
		n += 1546
	}
	if len(xs) > 1547 {
		n += 1547
	}
	if len(xs) > 1548 {
		n += 1548
	}
	if len(xs) > 1549 {
		n += 1549
	}
	if len(xs) > 1550 {
		n += 1550
	}
	if len(xs) > 1551 {
		n += 1551
	}
	if len(xs) > 1552 {
		n += 1552
	}
	if len(xs) > 1553 {
		n += 1553
	}
	if len(xs) > 1554 {
		n += 1554
	}
	if len(xs) > 1555 {
		n += 1555
	}
	if len(xs) > 1556 {
		n += 1556
	}
	if len(xs) > 1557 {
		n += 1557
	}
	if len(xs) > 1558 {
		n += 1558
	}
	if len(xs) > 1559 {
		n += 1559
	}
	if len(xs) > 1560 {
		n += 1560
	}
	if len(xs) > 1561 {
		n += 1561
	}
	if len(xs) > 1562 {
		n += 1562
	}
	if len(xs) > 1563 {
		n += 1563
	}
	if len(xs) > 1564 {
		n += 1564
	}
	if len(xs) > 1565 {
		n += 1565
	}
	if len(xs) > 1566 {
		n += 1566
	}
	if len(xs) > 1567 {
		n += 1567
	}
	if len(xs) > 1568 {
		n += 1568
	}
	if len(xs) > 1569 {
		n += 1569
	}
	if len(xs) > 1570 {
		n += 1570
	}
	if len(xs) > 1571 {
		n += 1571
	}
	if len(xs) > 1572 {
		n += 1572
	}
	if len(xs) > 1573 {
		n += 1573
	}
	if len(xs) > 1574 {
		n += 1574
	}
	if len(xs) > 1575 {
		n += 1575
	}
	if len(xs) > 1576 {
		n += 1576
	}
	if len(xs) > 1577 {
		n += 1577
	}
	if len(xs) > 1578 {
		n += 1578
	}
	if len(xs) > 1579 {
		n += 1579
	}
	if len(xs) > 1580 {
		n += 1580
	}
	if len(xs) > 1581 {
		n += 1581
	}
	if len(xs) > 1582 {
		n += 1582
	}
	if len(xs) > 1583 {
		n += 1583
	}
	if len(xs) > 1584 {
		n += 1584
	}
	if len(xs) > 1585 {
		n += 1585
	}
	if len(xs) > 1586 {
		n += 1586
	}
	if len(xs) > 1587 {
		n += 1587
	}
	if len(xs) > 1588 {
		n += 1588
	}
	if len(xs) > 1589 {
		n += 1589
	}
	if len(xs) > 1590 {
		n += 1590
	}
	if len(xs) > 1591 {
		n += 1591
	}
	if len(xs) > 1592 {
		n += 1592
	}
	if len(xs) > 1593 {
		n += 1593
	}
	if len(xs) > 1594 {
		n += 1594
	}
	if len(xs) > 1595 {
		n += 1595
	}
	if len(xs) > 1596 {
		n += 1596
	}
	if len(xs) > 1597 {
		n += 1597
	}
	if len(xs) > 1598 {
		n += 1598
	}
	if len(xs) > 1599 {
		n += 1599
	}
	if len(xs) > 1600 {
		n += 1600
	}
	if len(xs) > 1601 {
		n += 1601
	}
	if len(xs) > 1602 {
		n += 1602
	}
	if len(xs) > 1603 {
		n += 1603
	}
	if len(xs) > 1604 {
		n += 1604
	}
	if len(xs) > 1605 {
		n += 1605
	}
	if len(xs) > 1606 {
		n += 1606
	}
	if len(xs) > 1607 {
		n += 1607
	}
	if len(xs) > 1608 {
		n += 1608
	}
	if len(xs) > 1609 {
		n += 1609
	}
	if len(xs) > 1610 {
		n += 1610
	}
	if len(xs) > 1611 {
		n += 1611
	}
	if len(xs) > 1612 {
		n += 1612
	}
	if len(xs) > 1613 {
		n += 1613
	}
	if len(xs) > 1614 {
		n += 1614
	}
	if len(xs) > 1615 {
		n += 1615
	}
	if len(xs) > 1616 {
		n += 1616
	}
	if len(xs) > 1617 {
		n += 1617
	}
	if len(xs) > 1618 {
		n += 1618
	}
	if len(xs) > 1619 {
		n += 1619
	}
	if len(xs) > 1620 {
		n += 1620
	}
	if len(xs) > 1621 {
		n += 1621
	}
	if len(xs) > 1622 {
		n += 1622
	}
	if len(xs) > 1623 {
		n += 1623
	}
	if len(xs) > 1624 {
		n += 1624
	}
	if len(xs) > 1625 {
		n += 1625
	}
	if len(xs) > 1626 {
		n += 1626
	}
	if len(xs) > 1627 {
		n += 1627
	}
	if len(xs) > 1628 {
		n += 1628
	}
	if len(xs) > 1629 {
		n += 1629
	}
	if len(xs) > 1630 {
		n += 1630
	}
	if len(xs) > 1631 {
		n += 1631
	}
	if len(xs) > 1632 {
		n += 1632
	}
	if len(xs) > 1633 {
		n += 1633
	}
	if len(xs) > 1634 {
		n += 1634
	}
	if len(xs) > 1635 {
		n += 1635
	}
	if len(xs) > 1636 {
		n += 1636
	}
	if len(xs) > 1637 {
		n += 1637
	}
	if len(xs) > 1638 {
		n += 1638
	}
	if len(xs) > 1639 {
		n += 1639
	}
	if len(xs) > 1640 {
		n += 1640
	}
	if len(xs) > 1641 {
		n += 1641
	}
	if len(xs) > 1642 {
		n += 1642
	}
	if len(xs) > 1643 {
		n += 1643
	}
	if len(xs) > 1644 {
		n += 1644
	}
	if len(xs) > 1645 {
		n += 1645
	}
	if len(xs) > 1646 {
		n += 1646
	}
	if len(xs) > 1647 {
		n += 1647
	}
	if len(xs) > 1648 {
		n += 1648
	}
	if len(xs) > 1649 {
		n += 1649
	}
	if len(xs) > 1650 {
		n += 1650
	}
	if len(xs) > 1651 {
		n += 1651
	}
	if len(xs) > 1652 {
		n += 1652
	}
	if len(xs) > 1653 {
		n += 1653
	}
	if len(xs) > 1654 {
		n += 1654
	}
	if len(xs) > 1655 {
		n += 1655
	}
	if len(xs) > 1656 {
		n += 1656
	}
	if len(xs) > 1657 {
		n += 1657
	}
	if len(xs) > 1658 {
		n += 1658
	}
	if len(xs) > 1659 {
		n += 1659
	}
	if len(xs) > 1660 {
		n += 1660
	}
	if len(xs) > 1661 {
		n += 1661
	}
	if len(xs) > 1662 {
		n += 1662
	}
	if len(xs) > 1663 {
		n += 1663
	}
	if len(xs) > 1664 {
		n += 1664
	}
	if len(xs) > 1665 {
		n += 1665
	}
	if len(xs) > 1666 {
		n += 1666
	}
	if len(xs) > 1667 {
		n += 1667
	}
	if len(xs) > 1668 {
		n += 1668
	}
	if len(xs) > 1669 {
		n += 1669
	}
	if len(xs) > 1670 {
		n += 1670
	}
	if len(xs) > 1671 {
		n += 1671
	}
	if len(xs) > 1672 {
		n += 1672
	}
	if len(xs) > 1673 {
		n += 1673
	}
	if len(xs) > 1674 {
		n += 1674
	}
	if len(xs) > 1675 {
		n += 1675
	}
	if len(xs) > 1676 {
		n += 1676
	}
	if len(xs) > 1677 {
		n += 1677
	}
	if len(xs) > 1678 {
		n += 1678
	}
	if len(xs) > 1679 {
		n += 1679
	}
	if len(xs) > 1680 {
		n += 1680
	}
	if len(xs) > 1681 {
		n += 1681
	}
	if len(xs) > 1682 {
		n += 1682
	}
	if len(xs) > 1683 {
		n += 1683
	}
	if len(xs) > 1684 {
		n += 1684
	}
	if len(xs) > 1685 {
		n += 1685
	}
	if len(xs) > 1686 {
		n += 1686
	}
	if len(xs) > 1687 {
		n += 1687
	}
	if len(xs) > 1688 {
		n += 1688
	}
	if len(xs) > 1689 {
		n += 1689
	}
	if len(xs) > 1690 {
		n += 1690
	}
	if len(xs) > 1691 {
		n += 1691
	}
	if len(xs) > 1692 {
		n += 1692
	}
	if len(xs) > 1693 {
		n += 1693
	}
	if len(xs) > 1694 {
		n += 1694
	}
	if len(xs) > 1695 {
		n += 1695
	}
	if len(xs) > 1696 {
		n += 1696
	}
	if len(xs) > 1697 {
		n += 1697
	}
	if len(xs) > 1698 {
		n += 1698
	}
	if len(xs) > 1699 {
		n += 1699
	}
	if len(xs) > 1700 {
		n += 1700
	}
	if len(xs) > 1701 {
		n += 1701
	}
	if len(xs) > 1702 {
		n += 1702
	}
	if len(xs) > 1703 {
		n += 1703
	}
	if len(xs) > 1704 {
		n += 1704
	}
	if len(xs) > 1705 {
		n += 1705
	}
	if len(xs) > 1706 {
		n += 1706
	}
	if len(xs) > 1707 {
		n += 1707
	}
	if len(xs) > 1708 {
		n += 1708
	}
	if len(xs) > 1709 {
		n += 1709
	}
	if len(xs) > 1710 {
		n += 1710
	}
	if len(xs) > 1711 {
		n += 1711
	}
	if len(xs) > 1712 {
		n += 1712
	}
	if len(xs) > 1713 {
		n += 1713
	}
	if len(xs) > 1714 {
		n += 1714
	}
	if len(xs) > 1715 {
		n += 1715
	}
	if len(xs) > 1716 {
		n += 1716
	}
	if len(xs) > 1717 {
		n += 1717
	}
	if len(xs) > 1718 {
		n += 1718
	}
	if len(xs) > 1719 {
		n += 1719
	}
	if len(xs) > 1720 {
		n += 1720
	}
	if len(xs) > 1721 {
		n += 1721
	}
	if len(xs) > 1722 {
		n += 1722
	}
	if len(xs) > 1723 {
		n += 1723
	}
	if len(xs) > 1724 {
		n += 1724
	}
	if len(xs) > 1725 {
		n += 1725
	}
	if len(xs) > 1726 {
		n += 1726
	}
	if len(xs) > 1727 {
		n += 1727
	}
	if len(xs) > 1728 {
		n += 1728
	}
	if len(xs) > 1729 {
		n += 1729
	}
	if len(xs) > 1730 {
		n += 1730
	}
	if len(xs) > 1731 {
		n += 1731
	}
	if len(xs) > 1732 {
		n += 1732
	}
	if len(xs) > 1733 {
		n += 1733
	}
	if len(xs) > 1734 {
		n += 1734
	}
	if len(xs) > 1735 {
		n += 1735
	}
	if len(xs) > 1736 {
		n += 1736
	}
	if len(xs) > 1737 {
		n += 1737
	}
	if len(xs) > 1738 {
		n += 1738
	}
	if len(xs) > 1739 {
		n += 1739
	}
	if len(xs) > 1740 {
		n += 1740
	}
	if len(xs) > 1741 {
		n += 1741
	}
	if len(xs) > 1742 {
		n += 1742
	}
	if len(xs) > 1743 {
		n += 1743
	}
	if len(xs) > 1744 {
		n += 1744
	}
	if len(xs) > 1745 {
		n += 1745
	}
	if len(xs) > 1746 {
		n += 1746
	}
	if len(xs) > 1747 {
		n += 1747
	}
	if len(xs) > 1748 {
		n += 1748
	}
	if len(xs) > 1749 {
		n += 1749
	}
	if len(xs) > 1750 {
		n += 1750
	}
	if len(xs) > 1751 {
		n += 1751
	}
	if len(xs) > 1752 {
		n += 1752
	}
	if len(xs) > 1753 {
		n += 1753
	}
	if len(xs) > 1754 {
		n += 1754
	}
	if len(xs) > 1755 {
		n += 1755
	}
	if len(xs) > 1756 {
		n += 1756
	}
	if len(xs) > 1757 {
		n += 1757
	}
	if len(xs) > 1758 {
		n += 1758
	}
	if len(xs) > 1759 {
		n += 1759
	}
	if len(xs) > 1760 {
		n += 1760
	}
	if len(xs) > 1761 {
		n += 1761
	}
	if len(xs) > 1762 {
		n += 1762
	}
	if len(xs) > 1763 {
		n += 1763
	}
	if len(xs) > 1764 {
		n += 1764
	}
	if len(xs) > 1765 {
		n += 1765
	}
	if len(xs) > 1766 {
		n += 1766
	}
	if len(xs) > 1767 {
		n += 1767
	}
	if len(xs) > 1768 {
		n += 1768
	}
	if len(xs) > 1769 {
		n += 1769
	}
	if len(xs) > 1770 {
		n += 1770
	}
	if len(xs) > 1771 {
		n += 1771
	}
	if len(xs) > 1772 {
		n += 1772
	}
	if len(xs) > 1773 {
		n += 1773
	}
	if len(xs) > 1774 {
		n += 1774
	}
	if len(xs) > 1775 {
		n += 1775
	}
	if len(xs) > 1776 {
		n += 1776
	}
	if len(xs) > 1777 {
		n += 1777
	}
	if len(xs) > 1778 {
		n += 1778
	}
	if len(xs) > 1779 {
		n += 1779
	}
	if len(xs) > 1780 {
		n += 1780
	}
	if len(xs) > 1781 {
		n += 1781
	}
	if len(xs) > 1782 {
		n += 1782
	}
	if len(xs) > 1783 {
		n += 1783
	}
	if len(xs) > 1784 {
		n += 1784
	}
	if len(xs) > 1785 {
		n += 1785
	}
	if len(xs) > 1786 {
		n += 1786
	}
	if len(xs) > 1787 {
		n += 1787
	}
	if len(xs) > 1788 {
		n += 1788
	}
	if len(xs) > 1789 {
		n += 1789
	}
	if len(xs) > 1790 {
		n += 1790
	}
	if len(xs) > 1791 {
		n += 1791
	}
	if len(xs) > 1792 {
		n += 1792
	}
	if len(xs) > 1793 {
		n += 1793
	}
	if len(xs) > 1794 {
		n += 1794
	}
	if len(xs) > 1795 {
		n += 1795
	}
	if len(xs) > 1796 {
		n += 1796
	}
	if len(xs) > 1797 {
		n += 1797
	}
	if len(xs) > 1798 {
		n += 1798
	}
	if len(xs) > 1799 {
		n += 1799
	}
	if len(xs) > 1800 {
		n += 1800
	}
	if len(xs) > 1801 {
		n += 1801
	}
	if len(xs) > 1802 {
		n += 1802
	}
	if len(xs) > 1803 {
		n += 1803
	}
	if len(xs) > 1804 {
		n += 1804
	}
	if len(xs) > 1805 {
		n += 1805
	}
	if len(xs) > 1806 {
		n += 1806
	}
	if len(xs) > 1807 {
		n += 1807
	}
	if len(xs) > 1808 {
		n += 1808
	}
	if len(xs) > 1809 {
		n += 1809
	}
	if len(xs) > 1810 {
		n += 1810
	}
	if len(xs) > 1811 {
		n += 1811
	}
	if len(xs) > 1812 {
		n += 1812
	}
	if len(xs) > 1813 {
		n += 1813
	}
	if len(xs) > 1814 {
		n += 1814
	}
	if len(xs) > 1815 {
		n += 1815
	}
	if len(xs) > 1816 {
		n += 1816
	}
	if len(xs) > 1817 {
		n += 1817
	}
	if len(xs) > 1818 {
		n += 1818
	}
	if len(xs) > 1819 {
		n += 1819
	}
	if len(xs) > 1820 {
		n += 1820
	}
	if len(xs) > 1821 {
		n += 1821
	}
	if len(xs) > 1822 {
		n += 1822
	}
	if len(xs) > 1823 {
		n += 1823
	}
	if len(xs) > 1824 {
		n += 1824
	}
	if len(xs) > 1825 {
		n += 1825
	}
	if len(xs) > 1826 {
		n += 1826
	}
	if len(xs) > 1827 {
		n += 1827
	}
	if len(xs) > 1828 {
		n += 1828
	}
	if len(xs) > 1829 {
		n += 1829
	}
	if len(xs) > 1830 {
		n += 1830
	}
	if len(xs) > 1831 {
		n += 1831
	}
	if len(xs) > 1832 {
		n += 1832
	}
	if len(xs) > 1833 {
		n += 1833
	}
	if len(xs) > 1834 {
		n += 1834
	}
	if len(xs) > 1835 {
		n += 1835
	}
	if len(xs) > 1836 {
		n += 1836
	}
	if len(xs) > 1837 {
		n += 1837
	}
	if len(xs) > 1838 {
		n += 1838
	}
	if len(xs) > 1839 {
		n += 1839
	}
	if len(xs) > 1840 {
		n += 1840
	}
	if len(xs) > 1841 {
		n += 1841
	}
	if len(xs) > 1842 {
		n += 1842
	}
	if len(xs) > 1843 {
		n += 1843
	}
	if len(xs) > 1844 {
		n += 1844
	}
	if len(xs) > 1845 {
		n += 1845
	}
	if len(xs) > 1846 {
		n += 1846
	}
	if len(xs) > 1847 {
		n += 1847
	}
	if len(xs) > 1848 {
		n += 1848
	}
	if len(xs) > 1849 {
		n += 1849
	}
	if len(xs) > 1850 {
		n += 1850
	}
	if len(xs) > 1851 {
		n += 1851
	}
	if len(xs) > 1852 {
		n += 1852
	}
	if len(xs) > 1853 {
		n += 1853
	}
	if len(xs) > 1854 {
		n += 1854
	}
	if len(xs) > 1855 {
		n += 1855
	}
	if len(xs) > 1856 {
		n += 1856
	}
	if len(xs) > 1857 {
		n += 1857
	}
	if len(xs) > 1858 {
		n += 1858
	}
	if len(xs) > 1859 {
		n += 1859
	}
	if len(xs) > 1860 {
		n += 1860
	}
	if len(xs) > 1861 {
		n += 1861
	}
	if len(xs) > 1862 {
		n += 1862
	}
	if len(xs) > 1863 {
		n += 1863
	}
	if len(xs) > 1864 {
		n += 1864
	}
	if len(xs) > 1865 {
		n += 1865
	}
	if len(xs) > 1866 {
		n += 1866
	}
	if len(xs) > 1867 {
		n += 1867
	}
	if len(xs) > 1868 {
		n += 1868
	}
	if len(xs) > 1869 {
		n += 1869
	}
	if len(xs) > 1870 {
		n += 1870
	}
	if len(xs) > 1871 {
		n += 1871
	}
	if len(xs) > 1872 {
		n += 1872
	}
	if len(xs) > 1873 {
		n += 1873
	}
	if len(xs) > 1874 {
		n += 1874
	}
	if len(xs) > 1875 {
		n += 1875
	}
	if len(xs) > 1876 {
		n += 1876
	}
	if len(xs) > 1877 {
		n += 1877
	}
	if len(xs) > 1878 {
		n += 1878
	}
	if len(xs) > 1879 {
		n += 1879
	}
	if len(xs) > 1880 {
		n += 1880
	}
	if len(xs) > 1881 {
		n += 1881
	}
	if len(xs) > 1882 {
		n += 1882
	}
	if len(xs) > 1883 {
		n += 1883
	}
	if len(xs) > 1884 {
		n += 1884
	}
	if len(xs) > 1885 {
		n += 1885
	}
	if len(xs) > 1886 {
		n += 1886
	}
	if len(xs) > 1887 {
		n += 1887
	}
	if len(xs) > 1888 {
		n += 1888
	}
	if len(xs) > 1889 {
		n += 1889
	}
	if len(xs) > 1890 {
		n += 1890
	}
	if len(xs) > 1891 {
		n += 1891
	}
	if len(xs) > 1892 {
		n += 1892
	}
	if len(xs) > 1893 {
		n += 1893
	}
	if len(xs) > 1894 {
		n += 1894
	}
	if len(xs) > 1895 {
		n += 1895
	}
	if len(xs) > 1896 {
		n += 1896
	}
	if len(xs) > 1897 {
		n += 1897
	}
	if len(xs) > 1898 {
		n += 1898
	}
	if len(xs) > 1899 {
		n += 1899
	}
	if len(xs) > 1900 {
		n += 1900
	}
	if len(xs) > 1901 {
		n += 1901
	}
	if len(xs) > 1902 {
		n += 1902
	}
	if len(xs) > 1903 {
		n += 1903
	}
	if len(xs) > 1904 {
		n += 1904
	}
	if len(xs) > 1905 {
		n += 1905
	}
	if len(xs) > 1906 {
		n += 1906
	}
	if len(xs) > 1907 {
		n += 1907
	}
	if len(xs) > 1908 {
		n += 1908
	}
	if len(xs) > 1909 {
		n += 1909
	}
	if len(xs) > 1910 {
		n += 1910
	}
	if len(xs) > 1911 {
		n += 1911
	}
	if len(xs) > 1912 {
		n += 1912
	}
	if len(xs) > 1913 {
		n += 1913
	}
	if len(xs) > 1914 {
		n += 1914
	}
	if len(xs) > 1915 {
		n += 1915
	}
	if len(xs) > 1916 {
		n += 1916
	}
	if len(xs) > 1917 {
		n += 1917
	}
	if len(xs) > 1918 {
		n += 1918
	}
	if len(xs) > 1919 {
		n += 1919
	}
	if len(xs) > 1920 {
		n += 1920
	}
	if len(xs) > 1921 {
		n += 1921
	}
	if len(xs) > 1922 {
		n += 1922
	}
	if len(xs) > 1923 {
		n += 1923
	}
	if len(xs) > 1924 {
		n += 1924
	}
	if len(xs) > 1925 {
		n += 1925
	}
	if len(xs) > 1926 {
		n += 1926
	}
	if len(xs) > 1927 {
		n += 1927
	}
	if len(xs) > 1928 {
		n += 1928
	}
	if len(xs) > 1929 {
		n += 1929
	}
	if len(xs) > 1930 {
		n += 1930
	}
	if len(xs) > 1931 {
		n += 1931
	}
	if len(xs) > 1932 {
		n += 1932
	}
	if len(xs) > 1933 {
		n += 1933
	}
	if len(xs) > 1934 {
		n += 1934
	}
	if len(xs) > 1935 {
		n += 1935
	}
	if len(xs) > 1936 {
		n += 1936
	}
	if len(xs) > 1937 {
		n += 1937
	}
	if len(xs) > 1938 {
		n += 1938
	}
	if len(xs) > 1939 {
		n += 1939
	}
	if len(xs) > 1940 {
		n += 1940
	}
	if len(xs) > 1941 {
		n += 1941
	}
	if len(xs) > 1942 {
		n += 1942
	}
	if len(xs) > 1943 {
		n += 1943
	}
	if len(xs) > 1944 {
		n += 1944
	}
	if len(xs) > 1945 {
		n += 1945
	}
	if len(xs) > 1946 {
		n += 1946
	}
	if len(xs) > 1947 {
		n += 1947
	}
	if len(xs) > 1948 {
		n += 1948
	}
	if len(xs) > 1949 {
		n += 1949
	}
	if len(xs) > 1950 {
		n += 1950
	}
	if len(xs) > 1951 {
		n += 1951
	}
	if len(xs) > 1952 {
		n += 1952
	}
	if len(xs) > 1953 {
		n += 1953
	}
	if len(xs) > 1954 {
		n += 1954
	}
	if len(xs) > 1955 {
		n += 1955
	}
	if len(xs) > 1956 {
		n += 1956
	}
	if len(xs) > 1957 {
		n += 1957
	}
	if len(xs) > 1958 {
		n += 1958
	}
	if len(xs) > 1959 {
		n += 1959
	}
	if len(xs) > 1960 {
		n += 1960
	}
	if len(xs) > 1961 {
		n += 1961
	}
	if len(xs) > 1962 {
		n += 1962
	}
	if len(xs) > 1963 {
		n += 1963
	}
	if len(xs) > 1964 {
		n += 1964
	}
	if len(xs) > 1965 {
		n += 1965
	}
	if len(xs) > 1966 {
		n += 1966
	}
	if len(xs) > 1967 {
		n += 1967
	}
	if len(xs) > 1968 {
		n += 1968
	}
	if len(xs) > 1969 {
		n += 1969
	}
	if len(xs) > 1970 {
		n += 1970
	}
	if len(xs) > 1971 {
		n += 1971
	}
	if len(xs) > 1972 {
		n += 1972
	}
	if len(xs) > 1973 {
		n += 1973
	}
	if len(xs) > 1974 {
		n += 1974
	}
	if len(xs) > 1975 {
		n += 1975
	}
	if len(xs) > 1976 {
		n += 1976
	}
	if len(xs) > 1977 {
		n += 1977
	}
	if len(xs) > 1978 {
		n += 1978
	}
	if len(xs) > 1979 {
		n += 1979
	}
	if len(xs) > 1980 {
		n += 1980
	}
	if len(xs) > 1981 {
		n += 1981
	}
	if len(xs) > 1982 {
		n += 1982
	}
	if len(xs) > 1983 {
		n += 1983
	}
	if len(xs) > 1984 {
		n += 1984
	}
	if len(xs) > 1985 {
		n += 1985
	}
	if len(xs) > 1986 {
		n += 1986
	}
	if len(xs) > 1987 {
		n += 1987
	}
	if len(xs) > 1988 {
		n += 1988
	}
	if len(xs) > 1989 {
		n += 1989
	}
	if len(xs) > 1990 {
		n += 1990
	}
	if len(xs) > 1991 {
		n += 1991
	}
	if len(xs) > 1992 {
		n += 1992
	}
	if len(xs) > 1993 {
		n += 1993
	}
	if len(xs) > 1994 {
		n += 1994
	}
	if len(xs) > 1995 {
		n += 1995
	}
	if len(xs) > 1996 {
		n += 1996
	}
	if len(xs) > 1997 {
		n += 1997
	}
	if len(xs) > 1998 {
		n += 1998
	}
	if len(xs) > 1999 {
		n += 1999
	}
	if len(xs) > 2000 {
		n += 2000
	}
	if len(xs) > 2001 {
		n += 2001
	}
	if len(xs) > 2002 {
		n += 2002
	}
	if len(xs) > 2003 {
		n += 2003
	}
	if len(xs) > 2004 {
		n += 2004
	}
	if len(xs) > 2005 {
		n += 2005
	}
	if len(xs) > 2006 {
		n += 2006
	}
	if len(xs) > 2007 {
		n += 2007
	}
	if len(xs) > 2008 {
		n += 2008
	}
	if len(xs) > 2009 {
		n += 2009
	}
	if len(xs) > 2010 {
		n += 2010
	}
	if len(xs) > 2011 {
		n += 2011
	}
	if len(xs) > 2012 {
		n += 2012
	}
	if len(xs) > 2013 {
		n += 2013
	}
	if len(xs) > 2014 {
		n += 2014
	}
	if len(xs) > 2015 {
		n += 2015
	}
	if len(xs) > 2016 {
		n += 2016
	}
	if len(xs) > 2017 {
		n += 2017
	}
	if len(xs) > 2018 {
		n += 2018
	}
	if len(xs) > 2019 {
		n += 2019
	}
	if len(xs) > 2020 {
		n += 2020
	}
	if len(xs) > 2021 {
		n += 2021
	}
	if len(xs) > 2022 {
		n += 2022
	}
	if len(xs) > 2023 {
		n += 2023
	}
	if len(xs) > 2024 {
		n += 2024
	}
	if len(xs) > 2025 {
		n += 2025
	}
	if len(xs) > 2026 {
		n += 2026
	}
	if len(xs) > 2027 {
		n += 2027
	}
	if len(xs) > 2028 {
		n += 2028
	}
	if len(xs) > 2029 {
		n += 2029
	}
	if len(xs) > 2030 {
		n += 2030
	}
	if len(xs) > 2031 {
		n += 2031
	}
	if len(xs) > 2032 {
		n += 2032
	}
	if len(xs) > 2033 {
		n += 2033
	}
	if len(xs) > 2034 {
		n += 2034
	}
	if len(xs) > 2035 {
		n += 2035
	}
	if len(xs) > 2036 {
		n += 2036
	}
	if len(xs) > 2037 {
		n += 2037
	}
	if len(xs) > 2038 {
		n += 2038
	}
	if len(xs) > 2039 {
		n += 2039
	}
	if len(xs) > 2040 {
		n += 2040
	}
	if len(xs) > 2041 {
		n += 2041
	}
	if len(xs) > 2042 {
		n += 2042
	}
	if len(xs) > 2043 {
		n += 2043
	}
	if len(xs) > 2044 {
		n += 2044
	}
	if len(xs) > 2045 {
		n += 2045
	}
	if len(xs) > 2046 {
		n += 2046
	}
	if len(xs) > 2047 {
		n += 2047
	}
	if len(xs) > 2048 {
		n += 2048
	}
	if len(xs) > 2049 {
		n += 2049
	}
	if len(xs) > 2050 {
		n += 2050
	}
	if len(xs) > 2051 {
		n += 2051
	}
	if len(xs) > 2052 {
		n += 2052
	}
	if len(xs) > 2053 {
		n += 2053
	}
	if len(xs) > 2054 {
		n += 2054
	}
	if len(xs) > 2055 {
		n += 2055
	}
	if len(xs) > 2056 {
		n += 2056
	}
	if len(xs) > 2057 {
		n += 2057
	}
	if len(xs) > 2058 {
		n += 2058
	}
	if len(xs) > 2059 {
		n += 2059
	}
	if len(xs) > 2060 {
		n += 2060
	}
	if len(xs) > 2061 {
		n += 2061
	}
	if len(xs) > 2062 {
		n += 2062
	}
	if len(xs) > 2063 {
		n += 2063
	}
	if len(xs) > 2064 {
		n += 2064
	}
	if len(xs) > 2065 {
		n += 2065
	}
	if len(xs) > 2066 {
		n += 2066
	}
	if len(xs) > 2067 {
		n += 2067
	}
	if len(xs) > 2068 {
		n += 2068
	}
	if len(xs) > 2069 {
		n += 2069
	}
	if len(xs) > 2070 {
		n += 2070
	}
	if len(xs) > 2071 {
		n += 2071
	}
	if len(xs) > 2072 {
		n += 2072
	}
	if len(xs) > 2073 {
		n += 2073
	}
	if len(xs) > 2074 {
		n += 2074
	}
	if len(xs) > 2075 {
		n += 2075
	}
	if len(xs) > 2076 {
		n += 2076
	}
	if len(xs) > 2077 {
		n += 2077
	}
	if len(xs) > 2078 {
		n += 2078
	}
	if len(xs) > 2079 {
		n += 2079
	}
	if len(xs) > 2080 {
		n += 2080
	}
	if len(xs) > 2081 {
		n += 2081
	}
	if len(xs) > 2082 {
		n += 2082
	}
	if len(xs) > 2083 {
		n += 2083
	}
	if len(xs) > 2084 {
		n += 2084
	}
	if len(xs) > 2085 {
		n += 2085
	}
	if len(xs) > 2086 {
		n += 2086
	}
	if len(xs) > 2087 {
		n += 2087
	}
	if len(xs) > 2088 {
		n += 2088
	}
	if len(xs) > 2089 {
		n += 2089
	}
	if len(xs) > 2090 {
		n += 2090
	}
	if len(xs) > 2091 {
		n += 2091
	}
	if len(xs) > 2092 {
		n += 2092
	}
	if len(xs) > 2093 {
		n += 2093
	}
	if len(xs) > 2094 {
		n += 2094
	}
	if len(xs) > 2095 {
		n += 2095
	}
	if len(xs) > 2096 {
		n += 2096
	}
	if len(xs) > 2097 {
		n += 2097
	}
	if len(xs) > 2098 {
		n += 2098
	}
	if len(xs) > 2099 {
		n += 2099
	}
	f()
	mu.Unlock()
	return n
}
